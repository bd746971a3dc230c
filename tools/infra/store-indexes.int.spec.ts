import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MongoClient } from 'mongodb';

/**
 * On FerretDB's PostgreSQL backend, tools/infra/infra.mjs installs an event trigger that adds a GIN
 * index on (_jsonb -> 'field') beside every index FerretDB creates: FerretDB 1.x filters with
 * `_jsonb->'field' @> value`, which its own btree indexes cannot serve. Runs against the store that
 * infra.mjs started (what `npm test` uses); skipped, with the reason, on SQLite or an external server.
 */

const ROOT = path.resolve(__dirname, '..', '..');

interface Store {
  uri: string;
  psql: (sql: string) => string;
}

function portOf(uri: string): string | undefined {
  return /^mongodb:\/\/(?:[^@/]*@)?[^/:,]+:(\d+)/.exec(uri)?.[1];
}

function ourPostgresStore(): Store | string {
  const env = { ...process.env };
  delete env.MONGODB_URI; // status reports on our own FerretDB, not on the URI the suite was given
  delete env.KAFKA_BROKERS;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'tools', 'infra', 'infra.mjs'), 'status'], { env, encoding: 'utf8', timeout: 60_000 });
  let status: {
    ferretdb?: { running?: boolean; backend?: string; uri?: string };
    postgres?: { running?: boolean; ready?: boolean; bin?: string; host?: string; port?: number; database?: string };
  };
  try {
    status = JSON.parse(result.stdout);
  } catch {
    return `infra.mjs status printed no JSON (${result.stderr.trim().slice(0, 200)})`;
  }
  const { ferretdb, postgres } = status;
  if (!ferretdb?.running) return 'our FerretDB is not running (the suite uses a server infra.mjs did not start)';
  if (ferretdb.backend !== 'postgresql') return `our FerretDB runs on its ${ferretdb.backend} backend, which has no index twins`;
  const given = process.env.MONGODB_URI;
  if (given && portOf(given) !== portOf(ferretdb.uri ?? '')) return `MONGODB_URI (${given}) is not our FerretDB (${ferretdb.uri})`;
  if (!postgres?.ready || !postgres.bin || !postgres.host) return 'our PostgreSQL is not ready';
  const password = postgres.host.startsWith('/') ? '' : readFileSync(path.join(ROOT, '.cache', 'infra', 'postgres-password'), 'utf8').trim();
  const psql = (sql: string): string => {
    const r = spawnSync(
      path.join(postgres.bin as string, 'psql'),
      ['-X', '-At', '-v', 'ON_ERROR_STOP=1', '-h', postgres.host as string, '-p', String(postgres.port), '-U', 'postgres', '-d', postgres.database as string, '-c', sql],
      { encoding: 'utf8', env: { ...process.env, PGPASSWORD: password }, timeout: 30_000 },
    );
    if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
    return r.stdout.trim();
  };
  return { uri: given || (ferretdb.uri as string), psql };
}

/** The index scans in a PostgreSQL plan (as FerretDB's explain returns it under queryPlanner). */
function indexScans(explained: Record<string, unknown>): { index: string; condition: string }[] {
  const found: { index: string; condition: string }[] = [];
  const walk = (node: Record<string, unknown> | undefined): void => {
    if (!node) return;
    if (typeof node['Index Name'] === 'string') found.push({ index: node['Index Name'], condition: String(node['Index Cond']) });
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk((explained.queryPlanner as { Plan?: Record<string, unknown> } | undefined)?.Plan);
  return found;
}

const store = ourPostgresStore();
const describeOnPostgres = typeof store === 'string' ? describe.skip : describe;

describeOnPostgres(`FerretDB on PostgreSQL: GIN twins of FerretDB's indexes${typeof store === 'string' ? ` (skipped: ${store})` : ''}`, () => {
  const { uri, psql } = store as Store;
  const dbName = `infra_twins_${Date.now().toString(36)}`;
  let client: MongoClient;

  beforeAll(async () => {
    client = await MongoClient.connect(uri);
  });

  afterAll(async () => {
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  it('adds a GIN index on (_jsonb -> field) for each field of an index created through the driver, _id included, and an equality find uses it', async () => {
    const commits = client.db(dbName).collection<{ _id: string; aggregateId: string; version: number; pendingEvents: number }>('commits');
    await commits.createIndex({ aggregateId: 1, version: -1 }, { name: 'aggregate_version' });
    const docs = Array.from({ length: 3000 }, (_, n) => ({
      _id: `a-${Math.floor(n / 10)}:${(n % 10) + 1}`,
      aggregateId: `a-${Math.floor(n / 10)}`,
      version: (n % 10) + 1,
      pendingEvents: 0,
    }));
    await commits.insertMany(docs);

    const twins = new Map(
      psql(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = '${dbName}' AND indexdef LIKE '% USING gin %'`)
        .split('\n')
        .map((line) => line.split('|') as [string, string]),
    );
    const twinOf = (field: string) => [...twins].find(([, def]) => def.endsWith(`USING gin (((_jsonb -> '${field}'::text)))`))?.[0];
    for (const field of ['_id', 'aggregateId', 'version']) expect(twinOf(field)).toBeDefined();
    // FerretDB does not list the twins as MongoDB indexes
    expect((await commits.indexes()).map((i) => i.name).sort()).toEqual(['_id_', 'aggregate_version']);

    // FerretDB's explain returns PostgreSQL's plan for the very SQL (and parameters) it runs for a find
    expect(indexScans(await commits.find({ aggregateId: 'a-123' }).sort({ version: -1 }).limit(1).explain())).toContainEqual({
      index: twinOf('aggregateId'),
      condition: expect.stringContaining(`_jsonb -> 'aggregateId'::text) @> '"a-123"'::jsonb`),
    });
    expect(indexScans(await commits.find({ _id: 'a-7:3' }).explain())).toContainEqual({
      index: twinOf('_id'),
      condition: expect.stringContaining(`_jsonb -> '_id'::text) @> '"a-7:3"'::jsonb`),
    });

    const [latest] = await commits.find({ aggregateId: 'a-123' }).sort({ version: -1 }).limit(1).toArray();
    expect(latest).toMatchObject({ _id: 'a-123:10', version: 10 });
  });
});
