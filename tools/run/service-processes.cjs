// Starts the platform's services as separate Node processes from dist/, waits until each is
// ready, and stops them with SIGTERM (their graceful shutdown), as `npm start` and the
// end-to-end tests both need. CommonJS so that both an .mjs script and a jest test can use it.
const { spawn } = require('node:child_process');
const { createServer } = require('node:net');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

/** The database a service owns, on the server of a MongoDB URI (single or multi-host). */
function withDatabase(uri, database) {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(uri);
  if (!match) throw new Error(`MONGODB_URI is not a MongoDB URI: ${uri}`);
  return `${match[1]}/${database}${match[2] ?? ''}`;
}

/** Every service of the platform, in the order they start (the gateway last: it waits for the others). */
const platformServices = ['intake', 'projection', 'audit', 'rescue', 'rehabilitation', 'legal', 'livelihood', 'gateway'];
/** The services that consume topics, each in a consumer group of its own. */
const consumingServices = ['projection', 'audit', 'rescue', 'rehabilitation', 'legal', 'livelihood'];

/**
 * Environment of each service for one platform on this machine. With a consumerGroupPrefix,
 * every consumer group is named after it, so a run of tests or benchmarks reads the topics afresh.
 */
function platformEnvironment({ kafkaBrokers, mongodbUri, ports = {}, databasePrefix = 'mukti', consumerGroupPrefix, extra = {} }) {
  const port = { gateway: 3000, intake: 3101, projection: 3102, audit: 3103, rescue: 3104, rehabilitation: 3105, legal: 3106, livelihood: 3107, ...ports };
  const groups = consumerGroupPrefix
    ? Object.fromEntries(consumingServices.map((name) => [`${name.toUpperCase()}_CONSUMER_GROUP`, `${consumerGroupPrefix}-${name}`]))
    : {};
  // One machine, for development: secrets may use their public defaults (a deployment never says so).
  const common = { KAFKA_BROKERS: kafkaBrokers, MUKTI_DEVELOPMENT_DEFAULTS: process.env.MUKTI_DEVELOPMENT_DEFAULTS ?? 'true', ...groups, ...extra };
  return {
    intake: { ...common, INTAKE_PORT: String(port.intake), MONGODB_URI: withDatabase(mongodbUri, `${databasePrefix}-intake`) },
    projection: { ...common, PROJECTION_PORT: String(port.projection), MONGODB_URI: withDatabase(mongodbUri, `${databasePrefix}-projection`) },
    audit: { ...common, AUDIT_PORT: String(port.audit), MONGODB_URI: withDatabase(mongodbUri, `${databasePrefix}-audit`) },
    rescue: { ...common, RESCUE_PORT: String(port.rescue), MONGODB_URI: withDatabase(mongodbUri, `${databasePrefix}-rescue`) },
    rehabilitation: {
      ...common,
      REHABILITATION_PORT: String(port.rehabilitation),
      MONGODB_URI: withDatabase(mongodbUri, `${databasePrefix}-rehabilitation`),
      INTAKE_URL: `http://127.0.0.1:${port.intake}`,
    },
    legal: { ...common, LEGAL_PORT: String(port.legal), MONGODB_URI: withDatabase(mongodbUri, `${databasePrefix}-legal`) },
    livelihood: {
      ...common,
      LIVELIHOOD_PORT: String(port.livelihood),
      MONGODB_URI: withDatabase(mongodbUri, `${databasePrefix}-livelihood`),
      INTAKE_URL: `http://127.0.0.1:${port.intake}`,
    },
    gateway: {
      ...common,
      GATEWAY_PORT: String(port.gateway),
      INTAKE_URL: `http://127.0.0.1:${port.intake}`,
      PROJECTION_URL: `http://127.0.0.1:${port.projection}`,
      AUDIT_URL: `http://127.0.0.1:${port.audit}`,
      RESCUE_URL: `http://127.0.0.1:${port.rescue}`,
      REHABILITATION_URL: `http://127.0.0.1:${port.rehabilitation}`,
      LEGAL_URL: `http://127.0.0.1:${port.legal}`,
      LIVELIHOOD_URL: `http://127.0.0.1:${port.livelihood}`,
    },
    ports: port,
  };
}

/** A kafkajs client of the local broker (tools/infra) as its super-user, with its development password: for provisioning and measurements on this machine only. */
function localKafka(brokers, clientId) {
  const { createKafka } = require(path.join(root, 'dist/libs/messaging/src'));
  const { developmentKafkaPassword } = require(path.join(root, 'dist/libs/config/src'));
  const { provisioningPrincipal } = require(path.join(root, 'dist/libs/contracts/src'));
  return createKafka({
    connection: {
      KAFKA_BROKERS: brokers.split(','),
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: provisioningPrincipal,
      KAFKA_SASL_PASSWORD: developmentKafkaPassword(provisioningPrincipal),
      KAFKA_SSL: false,
    },
    clientId,
    logger: require('pino')({ level: 'warn' }),
  });
}

/**
 * The local broker's provisioning for services about to start (all of them, and the analyst,
 * without `services`): their topics, and the ACLs of their principals for the consumer groups
 * their environment names. As the super-user with its development password: only for a broker
 * of this machine (tools/infra). A deployment runs `npm run kafka-provision` instead.
 */
async function provisionKafka(environment, services) {
  const { provisionKafkaAccess } = require(path.join(root, 'dist/libs/messaging/src'));
  const { topicConsumers } = require(path.join(root, 'dist/libs/contracts/src'));
  const groups = Object.fromEntries(
    Object.keys(topicConsumers)
      .map((service) => [service, environment[`${service.toUpperCase()}_CONSUMER_GROUP`]])
      .filter(([, group]) => group),
  );
  const kafka = localKafka(environment.KAFKA_BROKERS, 'mukti-local-provisioning');
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await provisionKafkaAccess(admin, { groups, services, topicSettings: { partitions: 3, replicationFactor: 1 } });
  } finally {
    await admin.disconnect();
  }
}

async function waitUntilReady(name, url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} was not ready at ${url} within ${timeoutMs / 1000}s (last: ${last})`);
}

/**
 * Starts one service; `output` receives each line it logs. Returns a handle with stop(), which
 * sends SIGTERM and waits for the exit (SIGKILL after a grace period), and kill() for tests
 * that simulate a crash.
 */
async function startService(name, environment, { output = () => {}, readyTimeoutMs } = {}) {
  // Its topics and its principal's rights first: a service may not create topics or grant itself anything.
  if (environment.KAFKA_BROKERS) await provisionKafka(environment, [name]);
  const child = spawn(process.execPath, [path.join(root, 'dist/apps', name, 'src/main.js')], {
    cwd: root,
    env: { ...process.env, ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      lines.forEach((line) => output(line));
    });
  }
  // Every service reads its port from <NAME>_PORT (see platformEnvironment).
  const port = environment[`${name.toUpperCase()}_PORT`];
  if (!port) throw new Error(`${name}: ${name.toUpperCase()}_PORT is not set`);
  try {
    await waitUntilReady(name, `http://127.0.0.1:${port}/health`, child, readyTimeoutMs);
  } catch (error) {
    // Never leave a half-started service behind: it would go on consuming and publishing.
    child.kill('SIGKILL');
    throw error;
  }
  return {
    name,
    child,
    exited,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
  };
}

/** A TCP port free on this machine right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The platform (or some of its services) as separate processes on free ports, with databases and
 * consumer groups of its own, as the end-to-end tests, the benchmark and the chaos run need it.
 * `databasePrefix` names its databases and, unless `consumerGroupPrefix` says otherwise, its groups.
 * Returns handles to restart, kill, pause and stop each service, and to drop its databases.
 */
async function startPlatform({ kafkaBrokers, mongodbUri, services = platformServices, databasePrefix, consumerGroupPrefix = databasePrefix, extra = {}, output, readyTimeoutMs }) {
  const ports = Object.fromEntries(await Promise.all(services.map(async (name) => [name, await freePort()])));
  const environment = platformEnvironment({ kafkaBrokers, mongodbUri, ports, databasePrefix, consumerGroupPrefix, extra });
  const running = new Map();
  const start = async (name) => {
    running.set(name, await startService(name, environment[name], { output: output ? (line) => output(name, line) : undefined, readyTimeoutMs }));
    return running.get(name);
  };
  const platform = {
    environment,
    services,
    gatewayUrl: `http://127.0.0.1:${environment.ports.gateway}`,
    url: (name) => `http://127.0.0.1:${environment.ports[name]}`,
    process: (name) => running.get(name),
    start,
    /** kill -9, as a crash would: no flush, no goodbye. */
    kill: async (name) => running.get(name)?.kill(),
    /** kill -9 and start again, as Kubernetes would after a crash. */
    restart: async (name) => {
      await running.get(name)?.kill();
      return start(name);
    },
    pause: (name) => running.get(name)?.child.kill('SIGSTOP'),
    resume: (name) => running.get(name)?.child.kill('SIGCONT'),
    /** Stops every service, the gateway first (graceful; `kill: true` for SIGKILL). */
    stop: async ({ kill = false } = {}) => {
      for (const name of [...services].reverse()) {
        const service = running.get(name);
        if (!service) continue;
        service.child.kill('SIGCONT'); // a paused process would never see its SIGTERM
        await (kill ? service.kill() : service.stop());
      }
    },
    /** The databases this platform wrote, dropped (its topics and groups stay: the broker keeps them). */
    dropDatabases: async () => {
      const { MongoClient } = require('mongodb');
      const mongo = await MongoClient.connect(mongodbUri.replace(/\/?$/, '/'));
      try {
        for (const name of services.filter((service) => service !== 'gateway')) await mongo.db(`${databasePrefix}-${name}`).dropDatabase();
      } finally {
        await mongo.close();
      }
    },
  };
  try {
    for (const name of services) await start(name);
  } catch (error) {
    await platform.stop({ kill: true });
    throw error;
  }
  return platform;
}

module.exports = { platformServices, withDatabase, platformEnvironment, localKafka, provisionKafka, startService, startPlatform, freePort, waitUntilReady };
