#!/usr/bin/env node
// Local infrastructure for development and tests, without Docker:
//   - Apache Kafka (KRaft, one combined broker+controller node), classpath fetched from Maven Central
//   - FerretDB v1 (MongoDB wire protocol), built with the Go toolchain, on its PostgreSQL backend when
//     PostgreSQL server binaries are installed (our own cluster, with GIN "twin" indexes so that
//     FerretDB's filters use an index), else on its SQLite backend (every query scans; warned)
// Everything is cached in <repo>/.cache/infra/ (git-ignored). See tools/infra/README.md.
//
// CLI:     node tools/infra/infra.mjs up|down|status|reset
// Library: import { up, down, status } from './tools/infra/infra.mjs'
//
// Node standard library only; `kafkajs` is used for the Kafka readiness check when it can be
// resolved from the repo root's node_modules (a raw ApiVersions request + the server log are used otherwise).

import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { developmentKafkaUsers } from './kafka-principals.mjs';

// ---------------------------------------------------------------------------------------------
// Paths and settings
// ---------------------------------------------------------------------------------------------

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const CACHE_DIR = path.join(REPO_ROOT, '.cache', 'infra');

const KAFKA_VERSION = process.env.MUKTI_KAFKA_VERSION || '4.4.0';
const FERRETDB_VERSION = 'v1.24.2';
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';

const P = {
  bin: path.join(CACHE_DIR, 'bin'),
  ferretdbBin: path.join(CACHE_DIR, 'bin', 'ferretdb'),
  ferretdbSrc: path.join(CACHE_DIR, 'src', `ferretdb-${FERRETDB_VERSION}`),
  ferretdbData: path.join(CACHE_DIR, 'ferretdb-data'),
  ferretdbState: path.join(CACHE_DIR, 'ferretdb-state'),
  kafkaHome: path.join(CACHE_DIR, `kafka-${KAFKA_VERSION}`),
  kafkaLibs: path.join(CACHE_DIR, `kafka-${KAFKA_VERSION}`, 'libs'),
  kafkaConf: path.join(CACHE_DIR, 'kafka-conf'),
  kafkaData: path.join(CACHE_DIR, 'kafka-data'),
  kafkaPom: path.join(HERE, 'kafka', 'pom.xml'),
  logs: path.join(CACHE_DIR, 'logs'),
  kafkaLog: path.join(CACHE_DIR, 'logs', 'kafka.log'),
  ferretdbLog: path.join(CACHE_DIR, 'logs', 'ferretdb.log'),
  postgresData: path.join(CACHE_DIR, 'postgres-data'),
  postgresRun: path.join(CACHE_DIR, 'run', 'postgres'),
  postgresPassword: path.join(CACHE_DIR, 'postgres-password'),
  postgresLog: path.join(CACHE_DIR, 'logs', 'postgres.log'),
  provisionLog: path.join(CACHE_DIR, 'logs', 'provision.log'),
  run: path.join(CACHE_DIR, 'run'),
  lock: path.join(CACHE_DIR, 'run', 'infra.lock'),
  state: path.join(CACHE_DIR, 'state.json'),
};

const HOST = '127.0.0.1';

function intEnv(name, dflt) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0 || n > 65535) throw new Error(`${name}=${raw} is not a valid TCP port`);
  return n;
}

function settings() {
  const kafkaPort = intEnv('MUKTI_KAFKA_PORT', 9092);
  const backend = (process.env.MUKTI_STORE_BACKEND || '').trim().toLowerCase();
  if (backend && backend !== 'postgresql' && backend !== 'sqlite') {
    throw new Error(`MUKTI_STORE_BACKEND=${process.env.MUKTI_STORE_BACKEND} is neither postgresql nor sqlite (leave it unset to choose automatically)`);
  }
  return {
    kafkaPort,
    kafkaControllerPort: intEnv('MUKTI_KAFKA_CONTROLLER_PORT', kafkaPort + 1),
    ferretdbPort: intEnv('MUKTI_FERRETDB_PORT', 27017),
    // PostgreSQL listens on a unix socket in run/postgres/ (the port only names the socket file),
    // or on 127.0.0.1 instead when MUKTI_POSTGRES_PORT is set or the socket path would be too long.
    postgresPort: intEnv('MUKTI_POSTGRES_PORT', 5432),
    postgresTcp: !!process.env.MUKTI_POSTGRES_PORT,
    backend,
    externalKafka: process.env.KAFKA_BROKERS || '',
    externalMongo: process.env.MONGODB_URI || '',
  };
}

const SERVICES = {
  kafka: { pidFile: path.join(P.run, 'kafka.pid'), infoFile: path.join(P.run, 'kafka.json'), log: P.kafkaLog, stopTimeoutMs: 45_000 },
  ferretdb: { pidFile: path.join(P.run, 'ferretdb.pid'), infoFile: path.join(P.run, 'ferretdb.json'), log: P.ferretdbLog, stopTimeoutMs: 15_000 },
  // SIGINT: PostgreSQL's "fast" shutdown (SIGTERM would wait for every client to disconnect)
  postgres: { pidFile: path.join(P.run, 'postgres.pid'), infoFile: path.join(P.run, 'postgres.json'), log: P.postgresLog, stopTimeoutMs: 30_000, stopSignal: 'SIGINT' },
};

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const rel = (p) => path.relative(process.cwd(), p) || '.';
const mkdirp = (d) => fs.mkdirSync(d, { recursive: true });

function makeLogger(quiet) {
  return (...args) => {
    if (!quiet) process.stderr.write(`[infra] ${args.join(' ')}\n`);
  };
}

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function readJson(file) {
  const t = readText(file);
  if (t == null) return null;
  try {
    return JSON.parse(t);
  } catch {
    return null;
  }
}

function writeFileAtomic(file, content) {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}

function tailFile(file, lines = 25) {
  const t = readText(file);
  if (!t) return '(log is empty)';
  return t.split('\n').slice(-lines - 1).join('\n');
}

function fileSize(file) {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function readFrom(file, offset) {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const start = Math.max(0, Math.min(offset, size));
      const buf = Buffer.alloc(size - start);
      fs.readSync(fd, buf, 0, buf.length, start);
      return buf.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

function pidAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return e.code === 'EPERM';
  }
  // a zombie (exited, not yet reaped) is not alive for our purposes
  const stat = readText(`/proc/${pid}/stat`);
  if (stat && /\) Z /.test(stat)) return false;
  return true;
}

function cmdlineOf(pid) {
  const t = readText(`/proc/${pid}/cmdline`);
  return t ? t.split('\0').filter(Boolean) : null;
}

/** Is `pid` a process that this script started for `name` (guards against pid reuse)? */
function isOurProcess(name, pid) {
  const argv = cmdlineOf(pid);
  if (!argv) return pidAlive(pid); // no /proc: trust the pid file
  const joined = argv.join(' ');
  if (name === 'kafka') return joined.includes('kafka.Kafka') && joined.includes(CACHE_DIR);
  if (name === 'postgres') return /(^|\/)postgres /.test(joined) && joined.includes(P.postgresData);
  return joined.includes(P.ferretdbBin);
}

function readPid(name) {
  const t = readText(SERVICES[name].pidFile);
  const pid = t ? Number.parseInt(t.trim(), 10) : NaN;
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function removePidFiles(name) {
  for (const f of [SERVICES[name].pidFile, SERVICES[name].infoFile]) fs.rmSync(f, { force: true });
}

/** Our running instance of `name`, or null (stale pid files are removed). */
function ourInstance(name) {
  const pid = readPid(name);
  if (!pid) return null;
  if (pidAlive(pid) && isOurProcess(name, pid)) return { pid, info: readJson(SERVICES[name].infoFile) || {} };
  removePidFiles(name);
  return null;
}

function run(cmd, args, opts = {}) {
  // async spawn, output appended to the provisioning log; resolves with the exit code
  return new Promise((resolve, reject) => {
    const out = fs.openSync(P.provisionLog, 'a');
    fs.writeSync(out, `\n=== ${new Date().toISOString()} $ ${cmd} ${args.join(' ')}\n`);
    let child;
    try {
      child = spawn(cmd, args, { stdio: ['ignore', opts.captureStdout ? 'pipe' : out, out], ...opts });
    } catch (e) {
      fs.closeSync(out);
      reject(e);
      return;
    }
    let stdout = '';
    if (opts.captureStdout) child.stdout.on('data', (d) => (stdout += d));
    child.on('error', (e) => {
      fs.closeSync(out);
      reject(new Error(`cannot run ${cmd}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      fs.closeSync(out);
      resolve({ code: code ?? (signal ? 128 : 1), stdout });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Ports
// ---------------------------------------------------------------------------------------------

function tcpConnect(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (ok) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

function canBind(host, port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ host, port, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** Best effort: who listens on `port` (uses `ss -ltnpH`). */
function whoListens(port) {
  const r = spawnSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  if (r.status !== 0 || !r.stdout.trim()) return null;
  const m = r.stdout.match(/users:\(\("([^"]+)",pid=(\d+)/);
  if (!m) return `an unknown process (ss: ${r.stdout.trim().split('\n')[0].replace(/\s+/g, ' ')})`;
  const argv = cmdlineOf(Number(m[2]));
  const cmd = argv ? argv.join(' ').slice(0, 200) : m[1];
  return `pid ${m[2]} (${cmd})`;
}

async function assertPortFree(port, what) {
  const inUse = (await tcpConnect(HOST, port, 500)) || !(await canBind(HOST, port));
  if (!inUse) return;
  const who = whoListens(port);
  throw new Error(
    `port ${port} (${what}) on ${HOST} is already in use by ${who || 'another process (could not identify it; try `ss -ltnp`)'}. ` +
      `Stop that process, or move ours with ${what.startsWith('Kafka controller') ? 'MUKTI_KAFKA_CONTROLLER_PORT' : what.startsWith('Kafka') ? 'MUKTI_KAFKA_PORT' : 'MUKTI_FERRETDB_PORT'}=<port>, ` +
      `or point at an existing server with ${what.startsWith('Kafka') ? 'KAFKA_BROKERS' : 'MONGODB_URI'}=...`,
  );
}

// ---------------------------------------------------------------------------------------------
// Lock (serialises concurrent up/down calls from several processes)
// ---------------------------------------------------------------------------------------------

async function withLock(fn, log, timeoutMs = 600_000) {
  mkdirp(P.run);
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      const fd = fs.openSync(P.lock, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = Number.parseInt(readText(P.lock) || '', 10);
      if (holder === process.pid) throw new Error('infra.mjs: re-entrant up()/down() in the same process is not supported');
      if (!Number.isInteger(holder) || !pidAlive(holder)) {
        fs.rmSync(P.lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${rel(P.lock)} (held by pid ${holder})`);
      if (!announced) {
        log(`waiting for another infra.mjs (pid ${holder}) to finish...`);
        announced = true;
      }
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    if (Number.parseInt(readText(P.lock) || '', 10) === process.pid) fs.rmSync(P.lock, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Provisioning
// ---------------------------------------------------------------------------------------------

function pomFingerprint() {
  return `${KAFKA_VERSION}\n${fs.readFileSync(P.kafkaPom, 'utf8')}`;
}

async function provisionKafka(log) {
  const marker = path.join(P.kafkaHome, '.complete');
  if (fs.existsSync(P.kafkaLibs) && readText(marker) === pomFingerprint()) {
    const n = fs.readdirSync(P.kafkaLibs).filter((f) => f.endsWith('.jar')).length;
    log(`kafka: reusing cached Kafka ${KAFKA_VERSION} classpath (${n} jars in ${rel(P.kafkaLibs)})`);
    return { cached: true };
  }
  const t0 = Date.now();
  log(`kafka: fetching Kafka ${KAFKA_VERSION} jars from Maven Central (mvn dependency:copy-dependencies)...`);
  mkdirp(P.kafkaHome);
  const tmp = path.join(P.kafkaHome, `libs.tmp-${process.pid}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  const { code } = await run('mvn', [
    '-q', '-B', '-Dstyle.color=never',
    '-f', P.kafkaPom,
    `-Dkafka.version=${KAFKA_VERSION}`,
    'dependency:copy-dependencies',
    '-DincludeScope=runtime',
    `-DoutputDirectory=${tmp}`,
  ], { cwd: P.kafkaHome });
  if (code !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(`mvn failed to fetch Kafka ${KAFKA_VERSION} (exit ${code}); see ${rel(P.provisionLog)}:\n${tailFile(P.provisionLog, 15)}`);
  }
  if (!fs.readdirSync(tmp).some((f) => f.startsWith('kafka_2.13-'))) throw new Error(`mvn produced no kafka_2.13 jar in ${tmp}`);
  fs.rmSync(P.kafkaLibs, { recursive: true, force: true });
  fs.renameSync(tmp, P.kafkaLibs);
  fs.writeFileSync(marker, pomFingerprint());
  log(`kafka: classpath ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { cached: false, ms: Date.now() - t0 };
}

function ferretdbBinaryOk() {
  if (!fs.existsSync(P.ferretdbBin)) return false;
  const r = spawnSync(P.ferretdbBin, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return r.status === 0 && r.stdout.includes(`version: ${FERRETDB_VERSION}`);
}

async function provisionFerretDB(log) {
  if (ferretdbBinaryOk()) {
    log(`ferretdb: reusing cached FerretDB ${FERRETDB_VERSION} binary (${rel(P.ferretdbBin)})`);
    return { cached: true };
  }
  // Plain `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` builds a binary that panics at
  // start-up ("Invalid build/version/version.txt file content"): the module zip lacks the generated
  // build/version/version.txt. So: download the module, copy it into the cache, add version.txt, go build.
  const t0 = Date.now();
  log(`ferretdb: building FerretDB ${FERRETDB_VERSION} with go (download + compile, ~1-2 min cold)...`);
  const goEnv = { ...process.env, GOWORK: 'off', GOFLAGS: '-buildvcs=false', GO111MODULE: 'on' };
  mkdirp(P.bin);
  const dl = await run('go', ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], {
    cwd: CACHE_DIR, env: goEnv, captureStdout: true,
  });
  let dir;
  try {
    dir = JSON.parse(dl.stdout).Dir;
  } catch {
    /* handled below */
  }
  if (dl.code !== 0 || !dir) {
    throw new Error(`go mod download ${FERRETDB_MODULE}@${FERRETDB_VERSION} failed (exit ${dl.code}); see ${rel(P.provisionLog)}:\n${dl.stdout}\n${tailFile(P.provisionLog, 15)}`);
  }
  fs.rmSync(P.ferretdbSrc, { recursive: true, force: true });
  mkdirp(path.dirname(P.ferretdbSrc));
  fs.cpSync(dir, P.ferretdbSrc, { recursive: true });
  spawnSync('chmod', ['-R', 'u+w', P.ferretdbSrc]); // the module cache is read-only
  fs.writeFileSync(path.join(P.ferretdbSrc, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
  const tmpBin = `${P.ferretdbBin}.tmp-${process.pid}`;
  const b = await run('go', ['build', '-trimpath', '-o', tmpBin, './cmd/ferretdb'], { cwd: P.ferretdbSrc, env: goEnv });
  if (b.code !== 0) {
    fs.rmSync(tmpBin, { force: true });
    throw new Error(`go build of FerretDB failed (exit ${b.code}); see ${rel(P.provisionLog)}:\n${tailFile(P.provisionLog, 15)}`);
  }
  fs.renameSync(tmpBin, P.ferretdbBin);
  if (!ferretdbBinaryOk()) throw new Error(`the built ${rel(P.ferretdbBin)} does not report version ${FERRETDB_VERSION}`);
  log(`ferretdb: built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { cached: false, ms: Date.now() - t0 };
}

// ---------------------------------------------------------------------------------------------
// Kafka
// ---------------------------------------------------------------------------------------------

const LOG4J2_XML = `<?xml version="1.0" encoding="UTF-8"?>
<!-- generated by tools/infra/infra.mjs -->
<Configuration status="WARN" shutdownHook="disable">
  <Appenders>
    <File name="file" fileName="\${sys:kafka.logs.dir}/kafka.log" append="true">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
    </File>
  </Appenders>
  <Loggers>
    <Root level="INFO"><AppenderRef ref="file"/></Root>
    <Logger name="kafka.request.logger" level="WARN"/>
    <Logger name="org.apache.kafka.clients.NetworkClient" level="WARN"/>
  </Loggers>
</Configuration>
`;

function kafkaServerProperties(s, auth) {
  const jaasPassword = JSON.stringify(auth.superUserPassword);
  return `# generated by tools/infra/infra.mjs: single-node KRaft (combined broker + controller)
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@${HOST}:${s.kafkaControllerPort}
# Every client authenticates (SASL/SCRAM, users added at format time) and the StandardAuthorizer
# lets it do only what its ACLs say (granted after start from libs/contracts/src/kafka-access.ts).
listeners=SASL_PLAINTEXT://${HOST}:${s.kafkaPort},CONTROLLER://${HOST}:${s.kafkaControllerPort}
advertised.listeners=SASL_PLAINTEXT://${HOST}:${s.kafkaPort}
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_PLAINTEXT
listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512,SCRAM-SHA-256
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${auth.superUser}" password=${jaasPassword};
listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${auth.superUser}" password=${jaasPassword};
# The controller cannot check SCRAM (its credentials live in the metadata it serves): PLAIN, one user.
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${auth.superUser}" password=${jaasPassword} user_${auth.superUser}=${jaasPassword};
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:${auth.superUser}
allow.everyone.if.no.acl.found=false
log.dirs=${P.kafkaData}
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
background.threads=4
log.retention.hours=-1
log.segment.bytes=67108864
log.cleaner.dedupe.buffer.size=16777216
`;
}

function kafkaJavaArgs() {
  return [
    '-Xms128m', '-Xmx512m', '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-XX:+ExitOnOutOfMemoryError',
    '-XX:ActiveProcessorCount=2', '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${path.join(P.kafkaConf, 'log4j2.xml')}`,
    `-Dkafka.logs.dir=${P.logs}`,
    '-cp', `${P.kafkaLibs}${path.sep}*`,
  ];
}

function kafkaClusterId() {
  // Kafka's Uuid.randomUuid().toString(): 16 random bytes, base64url without padding, never starting with '-'
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/** The principals and passwords the local broker knows (development values, from their declaration). */
function kafkaAuth() {
  const { superUser, users } = developmentKafkaUsers(REPO_ROOT);
  return { superUser, superUserPassword: users.find((user) => user.name === superUser).password, users };
}

/** What the data dir was formatted with: a new principal means a new format. */
function kafkaUsersFingerprint(auth) {
  return createHash('sha256').update(JSON.stringify(auth.users)).digest('hex');
}

function formatKafkaStorage(log, auth) {
  const usersFile = path.join(P.kafkaData, '.mukti-kafka-users');
  if (fs.existsSync(path.join(P.kafkaData, 'meta.properties'))) {
    const v = readText(path.join(P.kafkaData, '.formatted-by-kafka'))?.trim();
    if (readText(usersFile)?.trim() === kafkaUsersFingerprint(auth)) {
      log(`kafka: reusing formatted data dir ${rel(P.kafkaData)}${v ? ` (formatted by Kafka ${v})` : ''}`);
      return;
    }
    // SCRAM users are added at format time only: a data dir formatted before (without them, or
    // without a principal declared since) is started afresh. It holds development data only.
    log(`kafka: ${rel(P.kafkaData)} was formatted without the current Kafka principals; formatting it afresh (its topics are dropped)`);
    fs.rmSync(P.kafkaData, { recursive: true, force: true });
  }
  mkdirp(P.kafkaData);
  const id = kafkaClusterId();
  log(`kafka: formatting ${rel(P.kafkaData)} (cluster id ${id}; SCRAM users ${auth.users.map((user) => user.name).join(', ')})`);
  const out = fs.openSync(P.kafkaLog, 'a');
  fs.writeSync(out, `\n=== ${new Date().toISOString()} infra.mjs: kafka.tools.StorageTool format -t ${id}\n`);
  const scram = auth.users.flatMap((user) =>
    ['SCRAM-SHA-512', 'SCRAM-SHA-256'].flatMap((mechanism) => ['--add-scram', `${mechanism}=[name=${user.name},password=${user.password}]`]),
  );
  const r = spawnSync('java', [
    ...kafkaJavaArgs().filter((a) => !a.startsWith('-Xms')),
    'kafka.tools.StorageTool', 'format', '-t', id, '-c', path.join(P.kafkaConf, 'server.properties'), ...scram,
  ], { stdio: ['ignore', out, out], timeout: 120_000 });
  fs.closeSync(out);
  if (r.status !== 0) {
    throw new Error(`Kafka storage format failed (exit ${r.status ?? r.signal}); see ${rel(P.kafkaLog)}:\n${tailFile(P.kafkaLog, 15)}`);
  }
  fs.writeFileSync(path.join(P.kafkaData, '.formatted-by-kafka'), `${KAFKA_VERSION}\n`);
  fs.writeFileSync(usersFile, `${kafkaUsersFingerprint(auth)}\n`);
}

let kafkajsModule; // undefined: not looked up yet; null: not available
async function loadKafkajs() {
  if (kafkajsModule !== undefined) return kafkajsModule;
  try {
    const req = createRequire(path.join(REPO_ROOT, 'package.json'));
    const resolved = req.resolve('kafkajs');
    const mod = await import(pathToFileURL(resolved).href);
    kafkajsModule = mod.Kafka ? mod : mod.default;
  } catch {
    kafkajsModule = null;
  }
  return kafkajsModule;
}

/** Kafka ApiVersions v0 request (dependency-free "does the broker answer" probe). */
function kafkaApiVersions(host, port, timeoutMs = 3000) {
  return new Promise((resolve) => {
    const clientId = Buffer.from('infra.mjs');
    const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length);
    body.writeInt16BE(18, 0); // api key ApiVersions
    body.writeInt16BE(0, 2); // version 0
    body.writeInt32BE(4242, 4); // correlation id
    body.writeInt16BE(clientId.length, 8);
    clientId.copy(body, 10);
    const size = Buffer.alloc(4);
    size.writeInt32BE(body.length, 0);
    let buf = Buffer.alloc(0);
    const s = net.connect({ host, port });
    const done = (ok) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('error', () => done(false));
    s.once('connect', () => s.write(Buffer.concat([size, body])));
    s.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      if (buf.length < 10) return;
      const len = buf.readInt32BE(0);
      if (buf.length < 4 + len) return;
      done(buf.readInt32BE(4) === 4242 && buf.readInt16BE(8) === 0);
    });
  });
}

function parseBrokers(list) {
  return list.split(',').map((b) => b.trim()).filter(Boolean).map((b) => {
    const m = b.replace(/^[a-z]+:\/\//i, '').match(/^\[?([^\]]+?)\]?:(\d+)$/);
    if (!m) throw new Error(`KAFKA_BROKERS entry "${b}" is not host:port`);
    return { host: m[1], port: Number(m[2]) };
  });
}

/** The local broker's super-user, for the readiness probe. */
function localKafkaSasl() {
  const auth = kafkaAuth();
  return { mechanism: 'scram-sha-512', username: auth.superUser, password: auth.superUserPassword };
}

/** Credentials for a broker of KAFKA_BROKERS, when the shell gives them; else none. */
function externalKafkaSasl() {
  const { KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password, KAFKA_SASL_MECHANISM: mechanism } = process.env;
  return username && password ? { mechanism: mechanism || 'scram-sha-512', username, password } : undefined;
}

/** One readiness probe. Returns null when ready, otherwise a reason string. */
async function kafkaProbe(brokers, { logFile, logOffset, sasl = localKafkaSasl() } = {}) {
  const reachable = [];
  for (const b of brokers) if (await tcpConnect(b.host, b.port, 1000)) reachable.push(b);
  if (!reachable.length) return `no broker accepts TCP connections (${brokers.map((b) => `${b.host}:${b.port}`).join(', ')})`;
  // Without credentials (a broker of someone else's), ApiVersions: it answers before authentication.
  const kjs = sasl ? await loadKafkajs() : null;
  if (kjs) {
    const kafka = new kjs.Kafka({
      clientId: 'infra-readiness',
      brokers: reachable.map((b) => `${b.host}:${b.port}`),
      sasl,
      logLevel: kjs.logLevel.NOTHING,
      connectionTimeout: 3000,
      requestTimeout: 5000,
      retry: { retries: 0 },
    });
    const admin = kafka.admin();
    try {
      await admin.connect();
      const c = await admin.describeCluster();
      if (!c.brokers.length) return 'metadata lists no brokers yet';
      return null;
    } catch (e) {
      return `kafkajs describeCluster: ${e.message}`;
    } finally {
      await admin.disconnect().catch(() => {});
    }
  }
  if (!(await kafkaApiVersions(reachable[0].host, reachable[0].port))) return 'broker does not answer ApiVersions yet';
  if (logFile) {
    const text = readFrom(logFile, logOffset || 0);
    if (!/Kafka Server started|started \(kafka\.server/.test(text)) return `no "Kafka Server started" line in ${rel(logFile)} yet`;
  }
  return null;
}

/** Offset of the last "infra.mjs starting kafka" marker in the log (for reused instances). */
function lastStartMarkerOffset(logFile) {
  const size = fileSize(logFile);
  const from = Math.max(0, size - 8 * 1024 * 1024);
  const text = readFrom(logFile, from);
  const i = text.lastIndexOf('infra.mjs: starting kafka');
  return i < 0 ? 0 : from + Buffer.byteLength(text.slice(0, i));
}

// ---------------------------------------------------------------------------------------------
// FerretDB / MongoDB wire protocol
// ---------------------------------------------------------------------------------------------

function bsonEncode(doc) {
  const parts = [];
  for (const [k, v] of Object.entries(doc)) {
    const key = Buffer.from(`${k}\0`);
    if (typeof v === 'number' && Number.isInteger(v)) {
      const b = Buffer.alloc(4);
      b.writeInt32LE(v);
      parts.push(Buffer.from([0x10]), key, b);
    } else if (typeof v === 'string') {
      const s = Buffer.from(`${v}\0`);
      const l = Buffer.alloc(4);
      l.writeInt32LE(s.length);
      parts.push(Buffer.from([0x02]), key, l, s);
    } else if (typeof v === 'boolean') {
      parts.push(Buffer.from([0x08]), key, Buffer.from([v ? 1 : 0]));
    } else throw new Error(`bsonEncode: unsupported value for ${k}`);
  }
  const body = Buffer.concat(parts);
  const len = Buffer.alloc(4);
  len.writeInt32LE(4 + body.length + 1);
  return Buffer.concat([len, body, Buffer.from([0])]);
}

function bsonDecode(buf, off = 0) {
  const end = off + buf.readInt32LE(off);
  const out = {};
  let i = off + 4;
  while (i < end - 1) {
    const type = buf[i++];
    const z = buf.indexOf(0, i);
    const key = buf.toString('utf8', i, z);
    i = z + 1;
    switch (type) {
      case 0x01: out[key] = buf.readDoubleLE(i); i += 8; break;
      case 0x02: case 0x0d: case 0x0e: { const l = buf.readInt32LE(i); out[key] = buf.toString('utf8', i + 4, i + 4 + l - 1); i += 4 + l; break; }
      case 0x03: case 0x04: { const l = buf.readInt32LE(i); const d = bsonDecode(buf, i); out[key] = type === 0x04 ? Object.values(d) : d; i += l; break; }
      case 0x05: { const l = buf.readInt32LE(i); i += 4 + 1 + l; break; }
      case 0x07: i += 12; break;
      case 0x08: out[key] = buf[i] === 1; i += 1; break;
      case 0x09: case 0x11: case 0x12: out[key] = Number(buf.readBigInt64LE(i)); i += 8; break;
      case 0x0a: out[key] = null; break;
      case 0x10: out[key] = buf.readInt32LE(i); i += 4; break;
      case 0x13: i += 16; break;
      default: return out; // unknown type: stop (we only need top-level scalars)
    }
  }
  return out;
}

/** Run one command (e.g. { ping: 1, $db: 'admin' }) over OP_MSG; resolves with the reply document. */
export function mongoCommand(host, port, cmd, timeoutMs = 3000) {
  return new Promise((resolve, reject) => {
    const doc = bsonEncode(cmd);
    const header = Buffer.alloc(16 + 4 + 1);
    header.writeInt32LE(header.length + doc.length, 0);
    header.writeInt32LE(4243, 4); // requestID
    header.writeInt32LE(0, 8); // responseTo
    header.writeInt32LE(2013, 12); // OP_MSG
    header.writeUInt32LE(0, 16); // flagBits
    header.writeUInt8(0, 20); // section kind 0 (body)
    let buf = Buffer.alloc(0);
    const s = net.connect({ host, port });
    const fail = (e) => {
      s.destroy();
      reject(e);
    };
    s.setTimeout(timeoutMs, () => fail(new Error('timeout')));
    s.once('error', fail);
    s.once('connect', () => s.write(Buffer.concat([header, doc])));
    s.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      if (buf.length < 4 || buf.length < buf.readInt32LE(0)) return;
      s.destroy();
      try {
        if (buf.readInt32LE(12) !== 2013) throw new Error(`unexpected opCode ${buf.readInt32LE(12)}`);
        if (buf[20] !== 0) throw new Error('unexpected OP_MSG section');
        resolve(bsonDecode(buf, 21));
      } catch (e) {
        reject(e);
      }
    });
  });
}

function parseMongoUri(uri) {
  const m = uri.match(/^mongodb(\+srv)?:\/\/(?:[^@/]*@)?([^/?]+)/);
  if (!m) throw new Error(`MONGODB_URI "${uri}" is not a mongodb:// URI`);
  if (m[1]) return null; // SRV: cannot resolve hosts without a driver
  return m[2].split(',').map((h) => {
    const hm = h.match(/^\[?([^\]]+?)\]?(?::(\d+))?$/);
    return { host: hm[1], port: Number(hm[2] || 27017) };
  });
}

async function mongoProbe(hosts) {
  let last = 'no host';
  for (const h of hosts) {
    try {
      const r = await mongoCommand(h.host, h.port, { ping: 1, $db: 'admin' });
      if (r.ok === 1) return null;
      last = `ping on ${h.host}:${h.port} returned ${JSON.stringify(r)}`;
    } catch (e) {
      last = `ping on ${h.host}:${h.port}: ${e.message}`;
    }
  }
  return last;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL (FerretDB's PostgreSQL backend)
// ---------------------------------------------------------------------------------------------

// The database FerretDB uses (one schema per MongoDB database inside it).
const POSTGRES_DATABASE = 'ferretdb';
// PostgreSQL's limit for a unix socket path (sockaddr_un.sun_path minus the terminating NUL).
const UNIX_SOCKET_PATH_MAX = 107;

function hasPostgresServer(dir) {
  return ['initdb', 'postgres', 'pg_isready', 'psql'].every((b) => {
    try {
      fs.accessSync(path.join(dir, b), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function postgresMajor(dir) {
  const r = spawnSync(path.join(dir, 'postgres'), ['--version'], { encoding: 'utf8', timeout: 10_000 });
  const m = r.status === 0 ? r.stdout.match(/\(PostgreSQL\) (\d+)/) : null;
  return m ? Number(m[1]) : null;
}

/**
 * PostgreSQL server binaries (initdb + postgres, with pg_isready and psql beside them): on PATH,
 * then Debian/Ubuntu's /usr/lib/postgresql/<major>/bin and the PGDG RPMs' /usr/pgsql-<major>/bin,
 * newest major first. When our data folder exists, the major version that created it wins.
 * @returns {{ dir: string, major: number } | null}
 */
export function findPostgresBin() {
  const dirs = [];
  for (const d of (process.env.PATH || '').split(path.delimiter)) if (d) dirs.push(d);
  const versioned = [];
  for (const [root, re] of [['/usr/lib/postgresql', /^(\d+)$/], ['/usr', /^pgsql-(\d+)$/]]) {
    let entries = [];
    try {
      entries = fs.readdirSync(root);
    } catch {
      continue;
    }
    for (const e of entries) {
      const m = e.match(re);
      if (m) versioned.push({ dir: path.join(root, e, 'bin'), major: Number(m[1]) });
    }
  }
  versioned.sort((a, b) => b.major - a.major);
  const found = [];
  for (const d of [...dirs, ...versioned.map((v) => v.dir)]) {
    if (found.some((f) => f.dir === d) || !hasPostgresServer(d)) continue;
    const major = postgresMajor(d);
    if (major) found.push({ dir: d, major });
  }
  if (!found.length) return null;
  const dataMajor = Number.parseInt(readText(path.join(P.postgresData, 'PG_VERSION')) || '', 10);
  return found.find((f) => f.major === dataMajor) || found[0];
}

const asRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** [cmd, args] that run a PostgreSQL program as the postgres system user when we are root (it refuses root). */
function pgCommand(bin, program, args) {
  const exe = path.join(bin.dir, program);
  return asRoot() ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
}

/** The first folder on the way to `target` the postgres user cannot enter, or null. */
function untraversableAncestor(target) {
  const parts = [];
  for (let d = path.dirname(target); ; d = path.dirname(d)) {
    parts.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of parts) {
    const r = spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', d], { timeout: 10_000 });
    if (r.status !== 0) return d;
  }
  return null;
}

/**
 * Why PostgreSQL cannot be used here (null when it can), and the binaries when it can.
 * @returns {{ bin: object | null, reason: string | null }}
 */
function postgresAvailability() {
  const bin = findPostgresBin();
  if (!bin) return { bin: null, reason: 'no PostgreSQL server binaries (initdb, postgres) on PATH, in /usr/lib/postgresql/*/bin or /usr/pgsql-*/bin' };
  if (asRoot()) {
    if (spawnSync('id', ['-u', 'postgres']).status !== 0) {
      return { bin, reason: 'running as root, and there is no `postgres` system user to run PostgreSQL as (it refuses to run as root)' };
    }
    const blocked = untraversableAncestor(P.postgresData);
    if (blocked) {
      return { bin, reason: `running as root, and the postgres system user cannot enter ${blocked} on the way to ${P.postgresData} (e.g. \`chmod o+x ${blocked}\`)` };
    }
  }
  return { bin, reason: null };
}

function postgresConnection(s) {
  const socket = path.join(P.postgresRun, `.s.PGSQL.${s.postgresPort}`);
  const tcp = s.postgresTcp || Buffer.byteLength(socket) > UNIX_SOCKET_PATH_MAX;
  const password = tcp ? readText(P.postgresPassword)?.trim() || '' : '';
  return {
    tcp,
    port: s.postgresPort,
    socketDir: P.postgresRun,
    host: tcp ? HOST : P.postgresRun,
    database: POSTGRES_DATABASE,
    user: 'postgres',
    // pgx URL for FerretDB: a unix socket directory goes in the host parameter
    url: tcp
      ? `postgres://postgres:${encodeURIComponent(password)}@${HOST}:${s.postgresPort}/${POSTGRES_DATABASE}`
      : `postgres://postgres@/${POSTGRES_DATABASE}?host=${encodeURIComponent(P.postgresRun)}&port=${s.postgresPort}`,
    password,
  };
}

/** Hand a folder to the postgres system user (when we are root), mode 0700. */
function ownForPostgres(dir) {
  mkdirp(dir);
  fs.chmodSync(dir, 0o700);
  if (asRoot()) {
    const r = spawnSync('chown', ['-R', 'postgres:postgres', dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`chown -R postgres:postgres ${dir} failed: ${r.stderr}`);
  }
}

async function initdbPostgres(bin, log) {
  if (fs.existsSync(path.join(P.postgresData, 'PG_VERSION'))) {
    const v = readText(path.join(P.postgresData, 'PG_VERSION')).trim();
    if (Number(v) !== bin.major) {
      throw new Error(`${rel(P.postgresData)} was created by PostgreSQL ${v}, but the binaries found are PostgreSQL ${bin.major} (${bin.dir}); \`node tools/infra/infra.mjs reset\` deletes the old data`);
    }
    ownForPostgres(P.postgresData); // e.g. the folder was copied or restored by root
    return;
  }
  log(`postgres: initdb ${rel(P.postgresData)} (PostgreSQL ${bin.major} from ${bin.dir}${asRoot() ? ', as the postgres system user' : ''})`);
  fs.rmSync(P.postgresData, { recursive: true, force: true });
  ownForPostgres(P.postgresData);
  // A password for connections over TCP (only used when MUKTI_POSTGRES_PORT is set or the socket path is too long);
  // the unix socket sits in a 0700 folder of the postgres user and trusts whoever can reach it.
  const password = randomBytes(18).toString('base64url');
  fs.writeFileSync(P.postgresPassword, `${password}\n`, { mode: 0o600 });
  ownForPostgres(P.postgresRun);
  const pwfile = path.join(P.postgresRun, 'initdb-password');
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (asRoot()) spawnSync('chown', ['postgres:postgres', pwfile]);
  const [cmd, args] = pgCommand(bin, 'initdb', [
    '-D', P.postgresData, '-U', 'postgres', `--pwfile=${pwfile}`,
    '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C',
  ]);
  try {
    const { code } = await run(cmd, args, { cwd: CACHE_DIR });
    if (code !== 0) {
      fs.rmSync(P.postgresData, { recursive: true, force: true });
      throw new Error(`initdb failed (exit ${code}); see ${rel(P.provisionLog)}:\n${tailFile(P.provisionLog, 15)}`);
    }
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

/**
 * Installed in FerretDB's database on every start (idempotent). FerretDB 1.x sends every equality
 * filter as `_jsonb->$1 @> $2`, which its btree indexes `((_jsonb -> 'field'))` cannot serve. For
 * each top-level field of every btree index FerretDB creates on a collection table (the `_id_` one
 * included), this event trigger adds a GIN index on `(_jsonb -> 'field')`, which serves `@>`.
 * Dotted fields (`((_jsonb -> 'a') -> 'b')`) get none: FerretDB 1.24 does not push dotted filters
 * down to SQL at all (unless started with --test-enable-nested-pushdown), so a twin would only cost writes.
 * With plan_cache_mode = force_custom_plan the planner sees the field name instead of $1 and can match the expression.
 */
export const TWIN_INDEX_SQL = String.raw`
CREATE OR REPLACE FUNCTION public.mukti_gin_twins() RETURNS event_trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  cmd record;
  idx record;
  k int;
  expr text;
  keys text[];
  twin text;
BEGIN
  FOR cmd IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE INDEX' AND object_type = 'index' LOOP
    SELECT i.indexrelid, i.indnkeyatts, am.amname, n.nspname, t.relname AS tablename
      INTO idx
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_am am ON am.oid = c.relam
      JOIN pg_class t ON t.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE i.indexrelid = cmd.objid;
    -- FerretDB's own indexes are btree; ours are gin (this trigger fires for them too)
    CONTINUE WHEN idx.indexrelid IS NULL OR idx.amname <> 'btree' OR idx.tablename LIKE '\_ferretdb\_%';
    FOR k IN 1..idx.indnkeyatts LOOP
      expr := pg_get_indexdef(idx.indexrelid, k, false);
      CONTINUE WHEN expr !~ '^\(*_jsonb( -> ''([^'']|'''')*''::text\)*)+$';
      SELECT array_agg(replace(m[1], '''''', '''') ORDER BY ord) INTO keys
        FROM regexp_matches(expr, '''((?:[^'']|'''')*)''::text', 'g') WITH ORDINALITY AS r(m, ord);
      CONTINUE WHEN array_length(keys, 1) <> 1;
      twin := left(idx.tablename, 40) || '_' || left(md5(idx.tablename || '/' || keys[1]), 8) || '_gin';
      EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gin ((_jsonb -> %L))', twin, idx.nspname, idx.tablename, keys[1]);
    END LOOP;
  END LOOP;
END
$fn$;
COMMENT ON FUNCTION public.mukti_gin_twins() IS 'tools/infra/infra.mjs: a GIN index on (_jsonb -> field) beside each FerretDB index, so its _jsonb->field @> value filters use an index';
DO $do$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_event_trigger WHERE evtname = 'mukti_gin_twins') THEN
    CREATE EVENT TRIGGER mukti_gin_twins ON ddl_command_end WHEN TAG IN ('CREATE INDEX') EXECUTE FUNCTION public.mukti_gin_twins();
  END IF;
END $do$;
ALTER DATABASE ${POSTGRES_DATABASE} SET plan_cache_mode = force_custom_plan;
`;

function psqlRun(bin, conn, database, sql) {
  return run(path.join(bin.dir, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', conn.host, '-p', String(conn.port), '-U', 'postgres', '-d', database, '-At', '-c', sql], {
    cwd: CACHE_DIR, env: { ...process.env, PGPASSWORD: conn.password, PGCONNECT_TIMEOUT: '10' }, captureStdout: true,
  });
}

/** Creates FerretDB's database (before FerretDB ever connects) and (re)installs the twin-index trigger and the plan setting. */
async function setupPostgresDatabase(bin, conn) {
  const exists = await psqlRun(bin, conn, 'postgres', `SELECT 1 FROM pg_database WHERE datname = '${POSTGRES_DATABASE}'`);
  if (exists.code !== 0) throw new Error(`psql could not query PostgreSQL; see ${rel(P.provisionLog)}:\n${tailFile(P.provisionLog, 10)}`);
  if (exists.stdout.trim() !== '1') {
    const c = await psqlRun(bin, conn, 'postgres', `CREATE DATABASE ${POSTGRES_DATABASE}`);
    if (c.code !== 0) throw new Error(`CREATE DATABASE ${POSTGRES_DATABASE} failed; see ${rel(P.provisionLog)}:\n${tailFile(P.provisionLog, 10)}`);
  }
  const t = await psqlRun(bin, conn, POSTGRES_DATABASE, TWIN_INDEX_SQL);
  if (t.code !== 0) throw new Error(`installing the twin-index trigger failed; see ${rel(P.provisionLog)}:\n${tailFile(P.provisionLog, 15)}`);
}

function postgresProbe(bin, conn) {
  const r = spawnSync(path.join(bin.dir, 'pg_isready'), ['-q', '-h', conn.host, '-p', String(conn.port), '-U', 'postgres', '-d', 'postgres', '-t', '2'], { timeout: 5000 });
  return r.status === 0 ? null : `pg_isready on ${conn.tcp ? `${conn.host}:${conn.port}` : rel(conn.host)} exited ${r.status ?? r.signal}`;
}

async function upPostgres(s, bin, log, { timeoutMs }) {
  let conn = postgresConnection(s);
  const existing = ourInstance('postgres');
  if (existing) {
    if (existing.info.port && (existing.info.port !== conn.port || existing.info.tcp !== conn.tcp)) {
      throw new Error(`our PostgreSQL (pid ${existing.pid}) runs with port ${existing.info.port}${existing.info.tcp ? ' (TCP)' : ''}, not as now asked; run \`node tools/infra/infra.mjs down\` first`);
    }
    log(`postgres: already running (pid ${existing.pid}), reusing it`);
    await waitReady('postgres', async () => postgresProbe(bin, conn), { timeoutMs, log });
    return { conn, started: false };
  }
  if (conn.tcp) await assertPortFree(conn.port, 'PostgreSQL');
  await initdbPostgres(bin, log);
  conn = postgresConnection(s); // with the TCP password a first initdb has just written
  ownForPostgres(P.postgresRun);
  const settingsArgs = [
    '-D', P.postgresData,
    '-c', `port=${conn.port}`,
    '-c', `listen_addresses=${conn.tcp ? HOST : ''}`,
    '-c', `unix_socket_directories=${conn.tcp ? '' : P.postgresRun}`,
    '-c', 'plan_cache_mode=force_custom_plan',
    // a development/test store: a crash of the machine may lose the last moments of writes, never consistency
    '-c', 'synchronous_commit=off',
    '-c', 'max_connections=200',
    '-c', 'shared_buffers=128MB',
    '-c', 'log_min_messages=warning',
    '-c', 'log_checkpoints=off',
  ];
  const [cmd, args] = pgCommand(bin, 'postgres', settingsArgs);
  log(`postgres: starting PostgreSQL ${bin.major} (${bin.dir}) on ${conn.tcp ? `${HOST}:${conn.port}` : `unix socket ${rel(conn.socketDir)}/.s.PGSQL.${conn.port}`}${asRoot() ? ' as the postgres system user' : ''}`);
  const proc = startDetached('postgres', cmd, args);
  writeFileAtomic(SERVICES.postgres.infoFile, JSON.stringify({ pid: proc.pid, port: conn.port, tcp: conn.tcp, socketDir: conn.tcp ? null : conn.socketDir, bin: bin.dir, major: bin.major, startedAt: new Date().toISOString() }, null, 2));
  try {
    const ms = await waitReady('postgres', async () => postgresProbe(bin, conn), { timeoutMs, exit: proc.exit, log });
    await setupPostgresDatabase(bin, conn);
    log(`postgres: ready in ${(ms / 1000).toFixed(1)} s (pid ${proc.pid}, log ${rel(P.postgresLog)}); database ${POSTGRES_DATABASE} has the twin-index trigger`);
  } catch (e) {
    await stopService('postgres', log);
    throw e;
  }
  return { conn, started: true };
}

// ---------------------------------------------------------------------------------------------
// Start / stop
// ---------------------------------------------------------------------------------------------

function startDetached(name, cmd, args, extraEnv = {}) {
  const svc = SERVICES[name];
  mkdirp(P.logs);
  mkdirp(P.run);
  const offset = fileSize(svc.log);
  const out = fs.openSync(svc.log, 'a');
  fs.writeSync(out, `\n=== ${new Date().toISOString()} infra.mjs: starting ${name}: ${cmd} ${args.join(' ')}\n`);
  const child = spawn(cmd, args, {
    cwd: CACHE_DIR,
    detached: true, // own session and process group: survives this script, killed as a group by down()
    stdio: ['ignore', out, out],
    env: { ...process.env, ...extraEnv },
  });
  fs.closeSync(out);
  const exit = { code: undefined };
  child.on('exit', (code, signal) => (exit.code = code ?? signal));
  child.on('error', (e) => (exit.code = e.message));
  child.unref();
  fs.writeFileSync(svc.pidFile, `${child.pid}\n`);
  return { pid: child.pid, exit, logOffset: offset };
}

async function waitReady(name, probe, { timeoutMs, exit, log }) {
  const svc = SERVICES[name];
  const t0 = Date.now();
  let reason = 'not probed yet';
  let lastNote = t0;
  while (Date.now() - t0 < timeoutMs) {
    if (exit && exit.code !== undefined) {
      throw new Error(`${name} exited during start-up (${exit.code}); last lines of ${rel(svc.log)}:\n${tailFile(svc.log)}`);
    }
    reason = await probe();
    if (reason === null) return Date.now() - t0;
    if (Date.now() - lastNote > 15_000) {
      log(`${name}: still waiting (${Math.round((Date.now() - t0) / 1000)} s): ${reason}`);
      lastNote = Date.now();
    }
    await sleep(500);
  }
  throw new Error(`${name} was not ready after ${timeoutMs / 1000} s (${reason}). See the log: ${svc.log}\n${tailFile(svc.log, 15)}`);
}

async function stopService(name, log) {
  const svc = SERVICES[name];
  const pid = readPid(name);
  if (!pid) return false;
  if (!pidAlive(pid) || !isOurProcess(name, pid)) {
    log(`${name}: pid ${pid} is not running (stale pid file removed)`);
    removePidFiles(name);
    return false;
  }
  const signal = svc.stopSignal || 'SIGTERM';
  log(`${name}: stopping (${signal} to process group ${pid})...`);
  const kill = (sig) => {
    try {
      process.kill(-pid, sig);
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        /* gone */
      }
    }
  };
  kill(signal);
  const deadline = Date.now() + svc.stopTimeoutMs;
  while (pidAlive(pid) && Date.now() < deadline) await sleep(250);
  if (pidAlive(pid)) {
    log(`${name}: still alive after ${svc.stopTimeoutMs / 1000} s, sending SIGKILL`);
    kill('SIGKILL');
    const d2 = Date.now() + 5000;
    while (pidAlive(pid) && Date.now() < d2) await sleep(100);
  }
  removePidFiles(name);
  log(`${name}: stopped`);
  return true;
}

// ---------------------------------------------------------------------------------------------
// up / down / status
// ---------------------------------------------------------------------------------------------

async function upKafka(s, log, { timeoutMs }) {
  if (s.externalKafka) {
    const brokers = parseBrokers(s.externalKafka);
    log(`kafka: KAFKA_BROKERS is set (${s.externalKafka}); not starting Kafka, checking it is reachable...`);
    await waitReady('kafka', () => kafkaProbe(brokers, { sasl: externalKafkaSasl() }), { timeoutMs: Math.min(timeoutMs, 20_000), log }).catch((e) => {
      throw new Error(`KAFKA_BROKERS=${s.externalKafka} is not reachable: ${e.message.split('. See the log')[0]}`);
    });
    return { brokers: s.externalKafka, started: false };
  }
  const brokers = `${HOST}:${s.kafkaPort}`;
  const existing = ourInstance('kafka');
  if (existing) {
    if (existing.info.port && existing.info.port !== s.kafkaPort) {
      throw new Error(`our Kafka (pid ${existing.pid}) is running on port ${existing.info.port}, but MUKTI_KAFKA_PORT=${s.kafkaPort}; run \`node tools/infra/infra.mjs down\` first`);
    }
    log(`kafka: already running (pid ${existing.pid}), reusing it (not started by this call)`);
    await waitReady('kafka', () => kafkaProbe([{ host: HOST, port: s.kafkaPort }], { logFile: P.kafkaLog, logOffset: lastStartMarkerOffset(P.kafkaLog) }), { timeoutMs, log });
    return { brokers, started: false };
  }
  await assertPortFree(s.kafkaPort, 'Kafka broker');
  await assertPortFree(s.kafkaControllerPort, 'Kafka controller');
  mkdirp(P.kafkaConf);
  const auth = kafkaAuth();
  fs.writeFileSync(path.join(P.kafkaConf, 'server.properties'), kafkaServerProperties(s, auth));
  fs.writeFileSync(path.join(P.kafkaConf, 'log4j2.xml'), LOG4J2_XML);
  formatKafkaStorage(log, auth);
  const kjs = await loadKafkajs();
  log(`kafka: starting Kafka ${KAFKA_VERSION} on ${brokers} (controller ${HOST}:${s.kafkaControllerPort}); readiness via ${kjs ? 'kafkajs describeCluster' : 'ApiVersions + server log'}`);
  const args = [...kafkaJavaArgs(), 'kafka.Kafka', path.join(P.kafkaConf, 'server.properties')];
  const proc = startDetached('kafka', 'java', args);
  writeFileAtomic(SERVICES.kafka.infoFile, JSON.stringify({ pid: proc.pid, port: s.kafkaPort, controllerPort: s.kafkaControllerPort, version: KAFKA_VERSION, startedAt: new Date().toISOString() }, null, 2));
  try {
    const ms = await waitReady('kafka', () => kafkaProbe([{ host: HOST, port: s.kafkaPort }], { logFile: P.kafkaLog, logOffset: proc.logOffset }), { timeoutMs, exit: proc.exit, log });
    log(`kafka: ready in ${(ms / 1000).toFixed(1)} s (pid ${proc.pid}, log ${rel(P.kafkaLog)})`);
  } catch (e) {
    await stopService('kafka', log);
    throw e;
  }
  return { brokers, started: true };
}

// Measured with tools/infra/store-bench.mjs on the 2-core development machine (tools/infra/README.md).
const SQLITE_WARNING =
  'FerretDB runs on its SQLite backend, where every query scans its whole collection. Measured: loading an ' +
  'aggregate takes ~190 ms at 1,000 commits in a collection, ~1 s at 5,000 and ~10 s at 50,000 (FerretDB on ' +
  'PostgreSQL with the twin indexes: ~5 ms at 50,000). Enough for tests and demos with up to a few thousand ' +
  'documents per collection; for more, install the PostgreSQL server package (e.g. `apt-get install postgresql`) ' +
  'and run `down` + `up`, or set MONGODB_URI to a MongoDB.';

/** Which backend a new FerretDB gets: PostgreSQL when usable (unless MUKTI_STORE_BACKEND=sqlite), else SQLite with a warning. */
function chooseBackend(s, log) {
  if (s.backend === 'sqlite') {
    log(`WARNING: MUKTI_STORE_BACKEND=sqlite. ${SQLITE_WARNING}`);
    return { backend: 'sqlite', bin: null };
  }
  const { bin, reason } = postgresAvailability();
  if (!reason) return { backend: 'postgresql', bin };
  if (s.backend === 'postgresql') throw new Error(`MUKTI_STORE_BACKEND=postgresql, but PostgreSQL cannot be used: ${reason}`);
  log(`WARNING: ${reason}. ${SQLITE_WARNING}`);
  return { backend: 'sqlite', bin: null };
}

async function upFerretDB(s, log, { timeoutMs }) {
  if (s.externalMongo) {
    log('ferretdb: MONGODB_URI is set; not starting FerretDB, checking it is reachable...');
    const hosts = parseMongoUri(s.externalMongo);
    if (!hosts) {
      log('ferretdb: mongodb+srv:// URI, skipping the reachability check');
      return { uri: s.externalMongo, started: false, postgresStarted: false };
    }
    await waitReady('ferretdb', () => mongoProbe(hosts), { timeoutMs: Math.min(timeoutMs, 20_000), log }).catch((e) => {
      throw new Error(`MONGODB_URI is not reachable: ${e.message.split('. See the log')[0]}`);
    });
    return { uri: s.externalMongo, started: false, postgresStarted: false };
  }
  const uri = `mongodb://${HOST}:${s.ferretdbPort}/`;
  const probe = () => mongoProbe([{ host: HOST, port: s.ferretdbPort }]);
  const existing = ourInstance('ferretdb');
  if (existing) {
    if (existing.info.port && existing.info.port !== s.ferretdbPort) {
      throw new Error(`our FerretDB (pid ${existing.pid}) is running on port ${existing.info.port}, but MUKTI_FERRETDB_PORT=${s.ferretdbPort}; run \`node tools/infra/infra.mjs down\` first`);
    }
    const running = existing.info.backend || 'sqlite';
    if (s.backend && s.backend !== running) {
      throw new Error(`our FerretDB (pid ${existing.pid}) runs on ${running}, but MUKTI_STORE_BACKEND=${s.backend}; run \`node tools/infra/infra.mjs down\` first`);
    }
    let postgresStarted = false;
    if (running === 'postgresql') {
      const bin = findPostgresBin();
      if (!bin) throw new Error(`our FerretDB (pid ${existing.pid}) runs on PostgreSQL, but no PostgreSQL binaries are found any more; run \`node tools/infra/infra.mjs down\``);
      postgresStarted = (await upPostgres(s, bin, log, { timeoutMs })).started;
    } else log(`WARNING: ${SQLITE_WARNING}`);
    log(`ferretdb: already running (pid ${existing.pid}, ${running} backend), reusing it (not started by this call)`);
    await waitReady('ferretdb', probe, { timeoutMs, log });
    return { uri, started: false, postgresStarted, backend: running };
  }
  await assertPortFree(s.ferretdbPort, 'FerretDB/MongoDB');
  const { backend, bin } = chooseBackend(s, log);
  let backendArgs;
  let postgresStarted = false;
  if (backend === 'postgresql') {
    const pg = await upPostgres(s, bin, log, { timeoutMs });
    postgresStarted = pg.started;
    backendArgs = ['--handler=postgresql', `--postgresql-url=${pg.conn.url}`];
  } else {
    mkdirp(P.ferretdbData);
    backendArgs = ['--handler=sqlite', `--sqlite-url=file:${P.ferretdbData}/`];
  }
  mkdirp(P.ferretdbState);
  log(`ferretdb: starting FerretDB ${FERRETDB_VERSION} (${backend === 'postgresql' ? 'PostgreSQL' : 'SQLite'} backend) on ${HOST}:${s.ferretdbPort}`);
  const args = [
    ...backendArgs,
    `--listen-addr=${HOST}:${s.ferretdbPort}`,
    `--state-dir=${P.ferretdbState}`,
    '--debug-addr=-', // no debug/metrics HTTP listener (default would be 127.0.0.1:8088)
    '--telemetry=disable',
    '--log-level=info',
    '--log-format=text',
  ];
  const proc = startDetached('ferretdb', P.ferretdbBin, args, { FERRETDB_TELEMETRY: 'disable', DO_NOT_TRACK: '1' });
  writeFileAtomic(SERVICES.ferretdb.infoFile, JSON.stringify({ pid: proc.pid, port: s.ferretdbPort, version: FERRETDB_VERSION, backend, startedAt: new Date().toISOString() }, null, 2));
  try {
    const ms = await waitReady('ferretdb', probe, { timeoutMs, exit: proc.exit, log });
    log(`ferretdb: ready in ${(ms / 1000).toFixed(1)} s (pid ${proc.pid}, ${backend} backend, log ${rel(P.ferretdbLog)})`);
  } catch (e) {
    await stopService('ferretdb', log);
    if (postgresStarted) await stopService('postgres', log);
    throw e;
  }
  return { uri, started: true, postgresStarted, backend };
}

/**
 * Provision (cached) and start Kafka + FerretDB, or reuse running ones / external ones from
 * KAFKA_BROKERS / MONGODB_URI. Resolves once both answer.
 * @param {{ quiet?: boolean, kafkaTimeoutMs?: number, ferretdbTimeoutMs?: number }} [opts]
 * @returns {Promise<{ kafkaBrokers: string, mongodbUri: string, storeBackend: 'postgresql' | 'sqlite' | 'external', started: { kafka: boolean, ferretdb: boolean, postgres: boolean } }>}
 *   `started` tells which services THIS call started (callers that want to clean up after
 *   themselves should `down({ only: started })`).
 */
export async function up({ quiet = false, kafkaTimeoutMs = 90_000, ferretdbTimeoutMs = 30_000 } = {}) {
  const log = makeLogger(quiet);
  const s = settings();
  mkdirp(P.logs);
  mkdirp(P.run);
  return withLock(async () => {
    const t0 = Date.now();
    // Provision only what we may need to start (both in parallel); an already running instance needs nothing.
    const needKafka = !s.externalKafka && !ourInstance('kafka');
    const needFerret = !s.externalMongo && !ourInstance('ferretdb');
    // Fail fast (before any build or start) when a port we need is taken by something else.
    if (needKafka) {
      await assertPortFree(s.kafkaPort, 'Kafka broker');
      await assertPortFree(s.kafkaControllerPort, 'Kafka controller');
    }
    if (needFerret) await assertPortFree(s.ferretdbPort, 'FerretDB/MongoDB');
    const kafkaProv = needKafka ? provisionKafka(log) : Promise.resolve();
    const ferretProv = needFerret ? provisionFerretDB(log) : Promise.resolve();
    const [pk, pf] = await Promise.allSettled([kafkaProv, ferretProv]);
    if (pk.status === 'rejected') throw pk.reason;
    if (pf.status === 'rejected') throw pf.reason;

    const [rk, rf] = await Promise.allSettled([
      upKafka(s, log, { timeoutMs: kafkaTimeoutMs }),
      upFerretDB(s, log, { timeoutMs: ferretdbTimeoutMs }),
    ]);
    if (rk.status === 'rejected' || rf.status === 'rejected') {
      // do not leave half a stack behind that this call started
      if (rk.status === 'fulfilled' && rk.value.started) await stopService('kafka', log);
      if (rf.status === 'fulfilled' && rf.value.started) await stopService('ferretdb', log);
      if (rf.status === 'fulfilled' && rf.value.postgresStarted) await stopService('postgres', log);
      throw rk.status === 'rejected' ? rk.reason : rf.reason;
    }
    const result = {
      kafkaBrokers: rk.value.brokers,
      mongodbUri: rf.value.uri,
      storeBackend: s.externalMongo ? 'external' : rf.value.backend,
      started: { kafka: rk.value.started, ferretdb: rf.value.started, postgres: rf.value.postgresStarted },
    };
    writeFileAtomic(P.state, `${JSON.stringify({ ...result, updatedAt: new Date().toISOString() }, null, 2)}\n`);
    log(`up: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return result;
  }, log);
}

/**
 * Stop what `up` started (our pid files only: never external services or foreign processes).
 * @param {{ quiet?: boolean, only?: { kafka?: boolean, ferretdb?: boolean, postgres?: boolean } }} [opts]
 *   `only`: e.g. the `started` object returned by up(), to stop just what that call started
 *   (without a `postgres` key, PostgreSQL goes with FerretDB).
 * @returns {Promise<{ stopped: { kafka: boolean, ferretdb: boolean, postgres: boolean } }>}
 */
export async function down({ quiet = false, only } = {}) {
  const log = makeLogger(quiet);
  if (!fs.existsSync(CACHE_DIR)) return { stopped: { kafka: false, ferretdb: false, postgres: false } };
  return withLock(async () => {
    const want = {
      kafka: only ? !!only.kafka : true,
      ferretdb: only ? !!only.ferretdb : true,
      postgres: only ? !!(only.postgres ?? only.ferretdb) : true,
    };
    const stopStore = async () => {
      // FerretDB first: PostgreSQL's fast shutdown would otherwise cut its connections under it
      const sf = want.ferretdb ? await stopService('ferretdb', log) : false;
      const sp = want.postgres && !ourInstance('ferretdb') ? await stopService('postgres', log) : false;
      return [sf, sp];
    };
    const [sk, [sf, sp]] = await Promise.all([want.kafka ? stopService('kafka', log) : false, stopStore()]);
    if (!sk && !sf && !sp) log('down: nothing of ours was running');
    const state = readJson(P.state);
    if (state) {
      const names = ['kafka', 'ferretdb', 'postgres'];
      if (!names.some((n) => ourInstance(n))) fs.rmSync(P.state, { force: true });
      else {
        state.started = Object.fromEntries(names.map((n) => [n, !!ourInstance(n) && !!state.started?.[n]]));
        writeFileAtomic(P.state, `${JSON.stringify(state, null, 2)}\n`);
      }
    }
    return { stopped: { kafka: sk, ferretdb: sf, postgres: sp } };
  }, log);
}

/** Snapshot of what is running / answering. */
export async function status() {
  const s = settings();
  const out = { cacheDir: CACHE_DIR, state: readJson(P.state) };
  const k = ourInstance('kafka');
  out.kafka = s.externalKafka
    ? { mode: 'external (KAFKA_BROKERS)', brokers: s.externalKafka, ready: (await kafkaProbe(parseBrokers(s.externalKafka), { sasl: externalKafkaSasl() })) === null }
    : {
        mode: 'local', version: k?.info.version || KAFKA_VERSION, brokers: `${HOST}:${s.kafkaPort}`, pid: k?.pid ?? null, running: !!k,
        ready: (await kafkaProbe([{ host: HOST, port: s.kafkaPort }], k ? { logFile: P.kafkaLog, logOffset: lastStartMarkerOffset(P.kafkaLog) } : {})) === null,
        cached: fs.existsSync(path.join(P.kafkaHome, '.complete')), log: P.kafkaLog,
      };
  const f = ourInstance('ferretdb');
  const mongoHosts = s.externalMongo ? parseMongoUri(s.externalMongo) : [{ host: HOST, port: s.ferretdbPort }];
  // backend: the running instance's, else what `up` would choose now
  let backend = null;
  let backendNote;
  if (!s.externalMongo) {
    if (f) backend = f.info.backend || 'sqlite';
    else if (s.backend === 'sqlite') [backend, backendNote] = ['sqlite', 'MUKTI_STORE_BACKEND=sqlite'];
    else {
      const { reason } = postgresAvailability();
      [backend, backendNote] = reason ? ['sqlite', reason] : ['postgresql', undefined];
    }
  }
  out.ferretdb = {
    mode: s.externalMongo ? 'external (MONGODB_URI)' : 'local',
    uri: s.externalMongo || `mongodb://${HOST}:${s.ferretdbPort}/`,
    ...(s.externalMongo
      ? {}
      : {
          version: FERRETDB_VERSION, backend,
          ...(f ? {} : { backendNote: `not running; \`up\` would start it on ${backend}${backendNote ? ` (${backendNote})` : ''}` }),
          pid: f?.pid ?? null, running: !!f, cached: fs.existsSync(P.ferretdbBin), log: P.ferretdbLog,
        }),
    ready: mongoHosts ? (await mongoProbe(mongoHosts)) === null : null,
  };
  const pg = ourInstance('postgres');
  if (!s.externalMongo && (pg || backend === 'postgresql')) {
    const bin = pg?.info.bin ? { dir: pg.info.bin, major: pg.info.major } : findPostgresBin();
    const conn = postgresConnection(pg?.info.port ? { ...s, postgresPort: pg.info.port, postgresTcp: !!pg.info.tcp } : s);
    out.postgres = {
      mode: 'local', version: bin?.major ?? null, bin: bin?.dir ?? null, pid: pg?.pid ?? null, running: !!pg,
      ready: pg && bin ? postgresProbe(bin, conn) === null : false,
      host: conn.host, port: conn.port, database: conn.database, user: conn.user,
      dataDir: P.postgresData, log: P.postgresLog,
    };
  }
  return out;
}

/** Stop our services and delete their data (Kafka topics/offsets, FerretDB databases, PostgreSQL cluster). Keeps the downloads. */
export async function reset({ quiet = false } = {}) {
  const log = makeLogger(quiet);
  await down({ quiet });
  for (const d of [P.kafkaData, P.ferretdbData, P.ferretdbState, P.postgresData, P.postgresRun, P.postgresPassword]) {
    fs.rmSync(d, { recursive: true, force: true });
    log(`reset: removed ${rel(d)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

async function main(argv) {
  const cmd = argv[0];
  switch (cmd) {
    case 'up': {
      const r = await up({ quiet: argv.includes('--quiet') || argv.includes('-q') });
      process.stdout.write(`KAFKA_BROKERS=${r.kafkaBrokers}\nMONGODB_URI=${r.mongodbUri}\n`);
      if (!argv.includes('--quiet') && !argv.includes('-q')) process.stderr.write(`[infra] store backend: ${r.storeBackend}\n`);
      return 0;
    }
    case 'down':
      await down();
      return 0;
    case 'status': {
      const st = await status();
      process.stdout.write(`${JSON.stringify(st, null, 2)}\n`);
      return st.kafka.ready && st.ferretdb.ready !== false && (!st.postgres?.running || st.postgres.ready) ? 0 : 1;
    }
    case 'reset':
      await reset();
      return 0;
    default:
      process.stderr.write(
        'usage: node tools/infra/infra.mjs <up|down|status|reset> [--quiet]\n' +
          '  up      provision (cached in .cache/infra) and start Kafka + FerretDB (on our own PostgreSQL when its\n' +
          '          server binaries are installed, else on SQLite); prints KAFKA_BROKERS= and MONGODB_URI=\n' +
          '  down    stop what up started\n' +
          '  status  show what is running (exit 1 if something is not ready)\n' +
          '  reset   down + delete the Kafka, FerretDB and PostgreSQL data dirs\n',
      );
      return cmd ? 2 : 0;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`[infra] ERROR: ${e.message}\n`);
      process.exit(1);
    },
  );
}
