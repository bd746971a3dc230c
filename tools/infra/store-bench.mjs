#!/usr/bin/env node
// How the store's cost grows with a collection shaped like the aggregate store's commits, on one or
// more MongoDB-protocol servers side by side (e.g. FerretDB on PostgreSQL vs on SQLite).
//
//   node tools/infra/store-bench.mjs [--uri label=mongodb://...]... [--sqlite-port 37018]
//                                    [--sizes 1000,5000,20000,50000] [--runs 5]
//
// --uri            a server to measure (repeatable); default: MONGODB_URI, else our local FerretDB
//                  (127.0.0.1:$MUKTI_FERRETDB_PORT or 27017), labelled with its backend
// --sqlite-port    also start a throw-away FerretDB on its SQLite backend (the cached binary, a
//                  temporary folder) on this port, measure it, and stop it
// Each server gets a fresh database that is dropped at the end. Per size: median of --runs timings of
//   load     find({aggregateId}).sort({version:-1}).limit(1)      (AggregateStore.latest)
//   by id    findOne({_id})                                       (AggregateStore.commit)
//   update   updateOne({_id}, {$set})                              (the relay marking a commit published)
//   relay    find({pendingEvents:{$gt:0}}).sort({aggregateId:1,version:1}).limit(100)   (OutboxRelay.drain)
// and the insert rate of the documents added to reach that size (insertMany, batches of 500).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const require = createRequire(path.join(REPO_ROOT, 'package.json'));
const { MongoClient } = require('mongodb');

function parseArgs(argv) {
  const o = { uris: [], sizes: [1000, 5000, 20000, 50000], runs: 5, sqlitePort: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--uri') {
      const v = next();
      const eq = v.indexOf('=');
      o.uris.push(eq > 0 && !v.startsWith('mongodb') ? { label: v.slice(0, eq), uri: v.slice(eq + 1) } : { label: null, uri: v });
    } else if (a === '--sizes') o.sizes = next().split(',').map(Number);
    else if (a === '--runs') o.runs = Number(next());
    else if (a === '--sqlite-port') o.sqlitePort = Number(next());
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const COMMITS_PER_AGGREGATE = 10;

/** ~1.5 kB, like a commit of the aggregate store: the state after it, its events, the outbox counter. */
function commit(n) {
  const aggregateId = `person-${String(Math.floor(n / COMMITS_PER_AGGREGATE)).padStart(7, '0')}`;
  const version = (n % COMMITS_PER_AGGREGATE) + 1;
  return {
    _id: `${aggregateId}:${version}`,
    aggregateId,
    version,
    state: {
      status: 'registered',
      name: `Person ${n}`,
      district: `district-${n % 37}`,
      consents: [{ purpose: 'care', givenAt: new Date(1_700_000_000_000 + n * 1000).toISOString() }],
      notes: 'x'.repeat(1100),
    },
    events: [{ id: `evt-${n}`, type: 'PersonUpdated', occurredAt: new Date(1_700_000_000_000 + n * 1000), data: { field: 'status' } }],
    // the newest commit of every 50th aggregate is still unpublished, the rest are published
    pendingEvents: version === COMMITS_PER_AGGREGATE && Math.floor(n / COMMITS_PER_AGGREGATE) % 50 === 0 ? 1 : 0,
    committedAt: new Date(1_700_000_000_000 + n * 1000),
  };
}

async function timeIt(runs, fn) {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(ms);
}

async function startSqliteFerretDB(port) {
  const bin = path.join(REPO_ROOT, '.cache', 'infra', 'bin', 'ferretdb');
  if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: run \`node tools/infra/infra.mjs up\` once first`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-bench-sqlite-'));
  const log = fs.openSync(path.join(dir, 'ferretdb.log'), 'a');
  const child = spawn(bin, [
    '--handler=sqlite', `--sqlite-url=file:${dir}/`, `--listen-addr=127.0.0.1:${port}`, `--state-dir=${dir}`,
    '--debug-addr=-', '--telemetry=disable', '--log-level=warn',
  ], { stdio: ['ignore', log, log], env: { ...process.env, DO_NOT_TRACK: '1' } });
  fs.closeSync(log);
  const uri = `mongodb://127.0.0.1:${port}/`;
  for (let i = 0; i < 60; i++) {
    if (child.exitCode !== null) throw new Error(`FerretDB (SQLite) exited: ${fs.readFileSync(path.join(dir, 'ferretdb.log'), 'utf8')}`);
    try {
      const c = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 500 });
      await c.db('admin').command({ ping: 1 });
      await c.close();
      break;
    } catch {
      await sleep(250);
    }
  }
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { uri, stop };
}

async function backendOf(client) {
  const info = await client.db('admin').command({ buildInfo: 1 });
  return info.ferretdb ? `FerretDB ${info.ferretdb.version}` : `MongoDB ${info.version}`;
}

async function benchOne(target, opts) {
  const client = await MongoClient.connect(target.uri, { serverSelectionTimeoutMS: 5000 });
  const label = target.label || (await backendOf(client));
  const db = client.db(`store_bench_${Date.now().toString(36)}`);
  const col = db.collection('commits');
  await col.createIndex({ aggregateId: 1, version: -1 }, { name: 'aggregate_version' });
  await col.createIndex({ pendingEvents: 1, aggregateId: 1, version: 1 }, { name: 'outbox' });
  const rows = [];
  let have = 0;
  try {
    for (const size of opts.sizes) {
      const t0 = Date.now();
      for (let from = have; from < size; from += 500) {
        const docs = [];
        for (let n = from; n < Math.min(size, from + 500); n++) docs.push(commit(n));
        await col.insertMany(docs, { ordered: false });
      }
      const insertPerS = ((size - have) / ((Date.now() - t0) / 1000));
      have = size;
      const aggregates = size / COMMITS_PER_AGGREGATE;
      const pick = (i) => commit(Math.floor(((i * 7919 + 13) % aggregates)) * COMMITS_PER_AGGREGATE + (i % COMMITS_PER_AGGREGATE));
      // a warm-up query of each kind, so no timing includes a first-time plan or a cold connection
      await col.findOne({ _id: pick(99)._id });
      await col.find({ aggregateId: pick(98).aggregateId }).sort({ version: -1 }).limit(1).toArray();
      const load = await timeIt(opts.runs, async (i) => {
        const [latest] = await col.find({ aggregateId: pick(i).aggregateId }).sort({ version: -1 }).limit(1).toArray();
        if (!latest || latest.version !== COMMITS_PER_AGGREGATE) throw new Error(`load returned ${latest?._id}`);
      });
      const byId = await timeIt(opts.runs, async (i) => {
        const c = pick(i + 10);
        if ((await col.findOne({ _id: c._id }))?._id !== c._id) throw new Error(`findOne missed ${c._id}`);
      });
      const update = await timeIt(opts.runs, async (i) => {
        const c = pick(i + 20);
        const r = await col.updateOne({ _id: c._id }, { $set: { publishedAt: new Date() } });
        if (r.matchedCount !== 1) throw new Error(`updateOne missed ${c._id}`);
      });
      const relay = await timeIt(opts.runs, async () => {
        const pending = await col.find({ pendingEvents: { $gt: 0 } }).sort({ aggregateId: 1, version: 1 }).limit(100).toArray();
        if (!pending.length) throw new Error('relay query found nothing pending');
      });
      const row = { label, size, insertPerS, load, byId, update, relay };
      rows.push(row);
      process.stderr.write(`[store-bench] ${label} ${size}: load ${fmt(load)}, by id ${fmt(byId)}, update ${fmt(update)}, relay ${fmt(relay)}, insert ${Math.round(insertPerS)}/s\n`);
    }
  } finally {
    await db.dropDatabase().catch(() => {});
    await client.close();
  }
  return rows;
}

function fmt(ms) {
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(1)} ms`;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const targets = [...opts.uris];
  if (!targets.length) {
    targets.push({ label: null, uri: process.env.MONGODB_URI || `mongodb://127.0.0.1:${process.env.MUKTI_FERRETDB_PORT || 27017}/` });
  }
  let sqlite;
  if (opts.sqlitePort) {
    sqlite = await startSqliteFerretDB(opts.sqlitePort);
    targets.push({ label: 'FerretDB on SQLite', uri: sqlite.uri });
  }
  const all = [];
  try {
    for (const t of targets) all.push(...(await benchOne(t, opts)));
  } finally {
    if (sqlite) await sqlite.stop();
  }
  const lines = [
    `median of ${opts.runs}, ${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)}`,
    '',
    '| server | documents | load an aggregate | findOne({_id}) | updateOne({_id}) | relay find({pendingEvents:{$gt:0}}) | inserts/s |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...all.map((r) => `| ${r.label} | ${r.size.toLocaleString('en')} | ${fmt(r.load)} | ${fmt(r.byId)} | ${fmt(r.update)} | ${fmt(r.relay)} | ${Math.round(r.insertPerS).toLocaleString('en')} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((e) => {
  process.stderr.write(`[store-bench] ERROR: ${e.stack || e.message}\n`);
  process.exit(1);
});
