// npm run bench -- --scale [--sizes 1000,10000,100000] [--clients 8] [--minutes 60]
// Seeds people through the real services, in the proportions of a programme's caseload, and at
// each size prints one row: commands/s sustained while seeding, p50/p99 from accepted to visible
// on her timeline (under that load, and one at a time), p50/p99 of a caseworker's caseload page
// and of the indicators, and each service's RSS. Then, in the same run: the projection's replay
// rate next to a raw kafkajs consume-and-discard of the same topics and a raw driver bulk insert
// into the same store, as ratios. Stops at the size it reaches within --minutes and says so.
//
// Per person: a registration and her research consent; half get a vulnerability assessment; three
// in ten are survivors, whose caseworker puts a rescue coordinator on her case team, and who are
// rescued five to an operation (the rehabilitation service opens each one's care plan). Each
// caseworker and coordinator holds 50 people, as a caseload does, so a caseload page is bounded
// by her caseload, not by everyone registered.
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { installDependenciesIfMissing } from '../run/install.mjs';

installDependenciesIfMissing();
const require = createRequire(import.meta.url);
const { up, down } = await import('../infra/infra.mjs');
const { build } = await import('../build/build.mjs');
const { localKafka, startPlatform } = require('../run/service-processes.cjs');
const { consumerReport, replayProjection } = require('../run/projection-replay.cjs');

const { values } = parseArgs({
  options: {
    scale: { type: 'boolean' },
    sizes: { type: 'string', default: '1000,10000,100000' },
    clients: { type: 'string', default: '8' },
    minutes: { type: 'string', default: '60' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const clients = Number(values.clients);
// Counted from the first registration: the projection's catch-up with the topics is no part of it.
let deadline = Infinity;
const CASELOAD = 50;
const RESCUED_TOGETHER = 5;

const percentile = (samples, p) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const ms = (value) => (value === undefined ? 'n/a' : `${value.toFixed(0)} ms`);
const sleep = (millis) => new Promise((resolve) => setTimeout(resolve, millis));

const infrastructure = await up({ quiet: true });
let platform;
try {
  await build();
  const run = `scale-${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
  platform = await startPlatform({
    kafkaBrokers: infrastructure.kafkaBrokers,
    mongodbUri: infrastructure.mongodbUri,
    databasePrefix: run,
    extra: { LOG_LEVEL: 'warn', RATE_LIMIT_PER_USER: '100000000', RATE_LIMIT_PER_ADDRESS: '100000000' },
  });
  const gateway = platform.gatewayUrl;
  const projection = platform.url('projection');
  const { signDevelopmentToken, ServiceTokenIssuer } = require('../../dist/libs/security/src');
  const { staffTokenVariables, serviceTokenSigningVariables, defineConfig } = require('../../dist/libs/config/src');
  const { intakeEventTypes } = require('../../dist/libs/contracts/src');
  const settings = defineConfig('bench', { ...staffTokenVariables, ...serviceTokenSigningVariables }).load({ MUKTI_DEVELOPMENT_DEFAULTS: 'true', ...process.env });
  const tokens = new Map();
  const as = async (role, sub) => {
    const key = `${role}|${sub}`;
    if (!tokens.has(key)) tokens.set(key, { authorization: `Bearer ${await signDevelopmentToken(settings, { sub, role }, '12h')}`, 'content-type': 'application/json' });
    return tokens.get(key);
  };
  // The projection is watched directly, as the gateway would ask it: through the gateway every look would be an audit record.
  const gatewayKey = new ServiceTokenIssuer(settings.SERVICE_TOKEN_PRIVATE_KEY);
  // A service token lives 60 s: one every 30 s, not one per look.
  let vouchedFor;
  const vouched = async () => {
    if (!vouchedFor || vouchedFor.until < Date.now()) {
      vouchedFor = { until: Date.now() + 30_000, headers: { authorization: `Bearer ${await gatewayKey.issue({ sub: 'bench', role: 'admin' })}`, 'x-access-reason': 'audit' } };
    }
    return vouchedFor.headers;
  };

  const call = async (method, path, headers, body, expected) => {
    for (let attempt = 0; ; attempt += 1) {
      const response = await fetch(`${gateway}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      if (response.status === expected) return text ? JSON.parse(text) : undefined;
      // A rescue names people the rescue service learns of from intake's topic: until then, the 404 of someone unknown.
      if (response.status === 404 && path.endsWith('/rescue') && attempt < 300) {
        await sleep(100);
        continue;
      }
      throw new Error(`${method} ${path} answered ${response.status} (expected ${expected}): ${text.slice(0, 300)}`);
    }
  };
  const onHerTimeline = async (personId, type, since) => {
    for (;;) {
      const response = await fetch(`${projection}/people/${personId}/timeline?limit=100`, { headers: await vouched() });
      if (response.status === 200 && (await response.json()).entries.some((entry) => entry.type === type)) return performance.now() - since;
      // A projection behind the load is what this measures: waited for (up to 10 minutes), not an error.
      if (performance.now() - since > 600_000) throw new Error(`${type} for ${personId} not on her timeline within 10 minutes`);
      await sleep(5);
    }
  };

  // A fresh projection first replays what is already on the topics: measure once it has caught up.
  for (const started = Date.now(); ; ) {
    if ((await consumerReport(projection).catch(() => ({}))).lag?.total === 0) break;
    if (Date.now() - started > 600_000) throw new Error('the projection did not catch up with the topics within 10 minutes');
    await sleep(500);
  }

  deadline = Date.now() + Number(values.minutes) * 60_000;
  let commands = 0;
  let registered = 0;
  const underLoad = [];
  const caseworkerOf = (index) => `bench-cw-${Math.floor(index / CASELOAD)}`;
  const coordinatorOf = (survivor) => `bench-rc-${Math.floor(survivor / CASELOAD)}`;
  let survivors = 0;

  /** One person, as her caseworker records her; every twentieth registration is watched to her timeline. Survivors wait for a rescue, by coordinator. */
  const seedOne = async (index, waiting) => {
    const caseworker = await as('caseworker', caseworkerOf(index));
    const survivor = index % 10 < 3;
    const started = performance.now();
    const { id } = await call('POST', '/api/v1/people', caseworker, {
      role: survivor ? 'survivor' : 'at-risk',
      name: `Scale ${run} ${index}`,
      gender: index % 7 === 0 ? 'male' : 'female',
      age: 18 + (index % 30),
      referralSource: survivor ? 'police' : 'community',
    }, 201);
    commands += 1;
    if (index % 20 === 0) underLoad.push(onHerTimeline(id, intakeEventTypes.personRegistered, started));
    await call('POST', `/api/v1/people/${id}/consents`, caseworker, { scope: 'research', decision: 'granted' }, 201);
    commands += 1;
    if (index % 2 === 0) {
      await call('POST', `/api/v1/people/${id}/vulnerability-assessments`, caseworker, { factors: ['debt', 'school-dropout'] }, 201);
      commands += 1;
    }
    if (survivor) {
      const coordinator = coordinatorOf(survivors++);
      await call('POST', `/api/v1/people/${id}/assignments`, caseworker, { staffId: coordinator, staffRole: 'rescue-coordinator' }, 204);
      commands += 1;
      waiting.set(coordinator, [...(waiting.get(coordinator) ?? []), id]);
    }
    registered += 1;
  };

  /** Survivors rescued together by the coordinator on their case teams (an operation's team is its coordinator). */
  const rescue = async (coordinatorId, personIds) => {
    const coordinator = await as('rescue-coordinator', coordinatorId);
    const operation = await call('POST', '/api/v1/rescue-operations', coordinator, {
      kind: 'rescue-on-complaint',
      place: { state: 'Maharashtra', district: 'Pune', kindOfPlace: 'lodge-or-hotel' },
      agencies: ['local-police'],
      legalBasis: 'itpa-s16',
      leadOfficer: 'Inspector, Pune',
      plannedFor: new Date(Date.now() - 3600_000).toISOString(),
    }, 201);
    await call('POST', `/api/v1/rescue-operations/${operation.id}/rescue`, coordinator, {
      carriedOutAt: new Date().toISOString(),
      searchWitnesses: { total: 2, women: 1 },
      persons: personIds.map((personId) => ({ personId, policeRecordedAs: 'victim', ageAtRescue: 25 })),
    }, 204);
    commands += 2;
  };

  /** Seeds up to `target` people with `clients` clients side by side; false if the time ran out first. */
  const seedTo = async (target) => {
    let next = registered;
    const client = async () => {
      const waiting = new Map();
      while (Date.now() < deadline) {
        const index = next++;
        if (index >= target) break;
        await seedOne(index, waiting);
        // Five together, or fewer once her coordinator's caseload is full and the next one's has begun.
        for (const [coordinator, personIds] of [...waiting]) {
          if (personIds.length < RESCUED_TOGETHER && coordinator === coordinatorOf(survivors - 1)) continue;
          waiting.delete(coordinator);
          await rescue(coordinator, personIds);
        }
      }
      for (const [coordinator, personIds] of waiting) await rescue(coordinator, personIds);
    };
    await Promise.all(Array.from({ length: clients }, client));
    return registered >= target;
  };

  const rssOf = () =>
    Object.fromEntries(
      platform.services.map((name) => {
        const status = readFileSync(`/proc/${platform.process(name).child.pid}/status`, 'utf8');
        return [name, Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024)];
      }),
    );
  const timed = async (samples, action) => {
    const started = performance.now();
    await action();
    samples.push(performance.now() - started);
  };

  const rows = [];
  const idle = rssOf();
  console.log(`idle RSS (MB): ${JSON.stringify(idle)}`);
  for (const size of sizes) {
    const commandsBefore = commands;
    const started = Date.now();
    underLoad.length = 0;
    const from = registered;
    const reached = await seedTo(size);
    const seconds = (Date.now() - started) / 1000;
    if (registered === from) {
      console.log(`stopped at ${registered} people of ${size}: --minutes ${values.minutes} ran out`);
      break;
    }
    const loadRss = rssOf();
    const loaded = await Promise.all(underLoad);
    // One at a time, on a quiet platform: registrations to her timeline, caseload pages, indicators.
    const quiet = [];
    for (let index = 0; index < 30; index += 1) {
      const started = performance.now();
      const { id } = await call('POST', '/api/v1/people', await as('caseworker', 'bench-quiet'), { role: 'at-risk', name: `Quiet ${run} ${size} ${index}`, gender: 'female', age: 30, referralSource: 'community' }, 201);
      quiet.push(await onHerTimeline(id, intakeEventTypes.personRegistered, started));
    }
    const pages = [];
    const indicators = [];
    const analyst = await as('analyst', 'bench-analyst');
    for (let index = 0; index < 30; index += 1) {
      const caseworker = await as('caseworker', caseworkerOf(Math.floor(Math.random() * registered)));
      await timed(pages, () => call('GET', '/api/v1/people?limit=50', { authorization: caseworker.authorization }, undefined, 200));
      await timed(indicators, () => call('GET', '/api/v1/indicators', { authorization: analyst.authorization }, undefined, 200));
    }
    const row = {
      people: registered,
      'commands/s': Math.round((commands - commandsBefore) / seconds),
      'timeline p50/p99 under load': `${ms(percentile(loaded, 50))} / ${ms(percentile(loaded, 99))}`,
      'timeline p50/p99 one at a time': `${ms(percentile(quiet, 50))} / ${ms(percentile(quiet, 99))}`,
      'caseload page p50/p99': `${ms(percentile(pages, 50))} / ${ms(percentile(pages, 99))}`,
      'indicators p50/p99': `${ms(percentile(indicators, 50))} / ${ms(percentile(indicators, 99))}`,
      'max RSS under load (MB)': `${Math.max(...Object.values(loadRss))} (${Object.entries(loadRss).sort((a, b) => b[1] - a[1])[0][0]})`,
    };
    rows.push(row);
    console.log(JSON.stringify(row));
    if (!reached) {
      console.log(`stopped at ${registered} people of ${size}: --minutes ${values.minutes} ran out`);
      break;
    }
  }
  if (rows.length === 0) throw new Error('no size was reached: give it more --minutes');
  console.log(`\n| ${Object.keys(rows[0]).join(' | ')} |\n|${Object.keys(rows[0]).map(() => ' --- |').join('')}`);
  for (const row of rows) console.log(`| ${Object.values(row).join(' | ')} |`);
  console.log(`RSS after the load (MB): ${JSON.stringify(rssOf())}`);

  // Replay, next to what the broker and the store do raw, on the same machine in the same run.
  const { MongoClient } = require('mongodb');
  const rebuilt = await replayProjection({
    kafkaBrokers: infrastructure.kafkaBrokers,
    mongodbUri: infrastructure.mongodbUri,
    database: `${run}-replay`,
    group: `${run}.replay`,
    extra: { LOG_LEVEL: 'warn' },
  });
  await rebuilt.projection.stop();
  const rawConsume = await consumeAndDiscard(rebuilt.topics, `${run}.raw`);
  const rawInsert = await bulkInsert(MongoClient, infrastructure.mongodbUri, `${run}-raw`, Math.min(rebuilt.handled, 50_000));
  console.log(
    `replay: ${rebuilt.handled} events at ${Math.round(rebuilt.rate)}/s; raw consume-and-discard ${Math.round(rawConsume.rate)}/s ` +
      `(replay ${(rebuilt.rate / rawConsume.rate).toFixed(2)}×); raw bulk insert ${Math.round(rawInsert.rate)} documents/s (replay ${(rebuilt.rate / rawInsert.rate).toFixed(2)}×)`,
  );
  await dropDatabases(MongoClient, infrastructure.mongodbUri, [`${run}-replay`, `${run}-raw`]);
  await platform.dropDatabases();
} finally {
  await platform?.stop();
  await down({ quiet: true, only: infrastructure.started });
}

/** Every record of the topics from offset 0 in a group of its own, read and dropped: what the broker and kafkajs alone allow. */
async function consumeAndDiscard(topicNames, group) {
  const kafka = localKafka(infrastructure.kafkaBrokers, 'mukti-bench-raw');
  const admin = kafka.admin();
  await admin.connect();
  let total = 0;
  for (const topic of topicNames) for (const { high, low } of await admin.fetchTopicOffsets(topic)) total += Number(high) - Number(low);
  await admin.disconnect();
  const consumer = kafka.consumer({ groupId: group });
  await consumer.connect();
  await consumer.subscribe({ topics: topicNames, fromBeginning: true });
  let read = 0;
  let started;
  await new Promise((resolve, reject) => {
    consumer
      .run({
        eachBatch: async ({ batch }) => {
          started ??= performance.now();
          read += batch.messages.length;
          if (read >= total) resolve();
        },
      })
      .catch(reject);
  });
  const seconds = (performance.now() - started) / 1000;
  await consumer.disconnect();
  return { read, rate: read / seconds };
}

/** Documents shaped like timeline entries (about 1 kB), inserted a thousand to a call by the driver. */
async function bulkInsert(MongoClient, mongodbUri, database, count) {
  const mongo = await MongoClient.connect(mongodbUri.replace(/\/?$/, '/'));
  try {
    const collection = mongo.db(database).collection('entries');
    const started = performance.now();
    for (let offset = 0; offset < count; offset += 1000) {
      const documents = Array.from({ length: Math.min(1000, count - offset) }, (_, index) => ({
        _id: `${offset + index}`,
        personId: randomBytes(16).toString('hex'),
        occurredAt: new Date(),
        type: 'org.mukti.intake.person-registered.v1',
        sentence: 'x'.repeat(900),
      }));
      await collection.insertMany(documents, { ordered: false });
    }
    return { rate: count / ((performance.now() - started) / 1000) };
  } finally {
    await mongo.close();
  }
}

async function dropDatabases(MongoClient, mongodbUri, names) {
  const mongo = await MongoClient.connect(mongodbUri.replace(/\/?$/, '/'));
  try {
    for (const name of names) await mongo.db(name).dropDatabase();
  } finally {
    await mongo.close();
  }
}
