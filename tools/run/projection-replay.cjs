// Rebuilds the projection's read models from the topics: a projection process of its own, in a
// fresh consumer group (so it reads every topic from offset 0) writing into a fresh database,
// watched until its lag is 0 on every topic. Used by `npm run replay` and by the chaos checker,
// which compares the live summaries with the rebuilt ones. Needs dist/ (npm run build).
const path = require('node:path');
const { freePort, startService, withDatabase } = require('./service-processes.cjs');

const root = path.resolve(__dirname, '../..');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Headers the projection accepts: a service token the gateway's (development, unless set) key signs, for an admin with a reason. */
async function vouchedHeaders(role = 'admin', sub = 'mukti-replay') {
  const { ServiceTokenIssuer } = require(path.join(root, 'dist/libs/security/src'));
  const { serviceTokenSigningVariables, defineConfig } = require(path.join(root, 'dist/libs/config/src'));
  const settings = defineConfig('replay', serviceTokenSigningVariables).load({ MUKTI_DEVELOPMENT_DEFAULTS: 'true', ...process.env });
  const issuer = new ServiceTokenIssuer(settings.SERVICE_TOKEN_PRIVATE_KEY);
  return { authorization: `Bearer ${await issuer.issue({ sub, role })}`, 'x-access-reason': 'audit' };
}

/** What a consuming service reports about its group: lag by topic, dead letters, events since start. */
async function consumerReport(url) {
  const response = await fetch(`${url}/health/details`, { headers: await vouchedHeaders(), signal: AbortSignal.timeout(10_000) });
  const body = await response.json();
  return body?.checks?.kafka ?? {};
}

/** A name for a rebuild made now: mukti-projection-20260601-1432. */
function rebuildStamp(date = new Date()) {
  return date.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

/**
 * Starts a projection in `group` writing to `database` and waits until it has caught up with every
 * topic. `progress` is called every few seconds with { behind, handled, rate }. Returns the running
 * projection (the caller stops it) and the figures of the rebuild.
 */
async function replayProjection({ kafkaBrokers, mongodbUri, database, group, extra = {}, progress = () => {}, output, timeoutMs = 60 * 60_000 }) {
  const port = await freePort();
  const environment = {
    MUKTI_DEVELOPMENT_DEFAULTS: process.env.MUKTI_DEVELOPMENT_DEFAULTS ?? 'true',
    ...extra,
    KAFKA_BROKERS: kafkaBrokers,
    MONGODB_URI: withDatabase(mongodbUri, database),
    PROJECTION_PORT: String(port),
    PROJECTION_CONSUMER_GROUP: group,
  };
  const projection = await startService('projection', environment, { output });
  // The rate counts from when it is ready: the start-up is no part of the replay.
  const started = Date.now();
  const url = `http://127.0.0.1:${port}`;
  let last = { at: Date.now(), handled: 0 };
  let report;
  try {
    for (;;) {
      report = await consumerReport(url).catch(() => undefined);
      const byTopic = report?.lag?.byTopic;
      const handled = (report?.sinceStart?.handled ?? 0) + (report?.sinceStart?.deadLettered ?? 0);
      const now = Date.now();
      const rate = ((handled - last.handled) * 1000) / Math.max(1, now - last.at);
      if (byTopic && Object.keys(byTopic).length > 0) {
        progress({ behind: report.lag.total, byTopic, handled, rate });
        if (Object.values(byTopic).every((behind) => behind === 0)) break;
      }
      last = { at: now, handled };
      if (now - started > timeoutMs) throw new Error(`the rebuild had not caught up after ${timeoutMs / 60_000} min (behind: ${JSON.stringify(byTopic)})`);
      await sleep(2000);
    }
  } catch (error) {
    await projection.stop();
    throw error;
  }
  const seconds = (Date.now() - started) / 1000;
  const handled = (report.sinceStart?.handled ?? 0) + (report.sinceStart?.deadLettered ?? 0);
  return {
    projection,
    url,
    database,
    group,
    mongodbUri: environment.MONGODB_URI,
    handled,
    seconds,
    rate: handled / seconds,
    topics: Object.keys(report.lag.byTopic),
    deadLetters: report.deadLetters ?? 0,
  };
}

module.exports = { replayProjection, rebuildStamp, vouchedHeaders, consumerReport };
