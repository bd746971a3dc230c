import { existsSync } from 'node:fs';
import { posix } from 'node:path';
import { appNames, appVariables, portVariable, secretVariables, type AppName } from './app-variables';
import { appsWithEntryPoint, isRecord, readRepoFile, readYaml, repoPath } from './support';
import { kafkaPrincipals } from '../../libs/contracts/src/kafka-access';

/**
 * docker-compose.yml: every service is built from its Dockerfile, gets exactly the
 * variables it reads, starts after its dependencies are healthy, and the infrastructure
 * images are pinned.
 */

type Service = Record<string, unknown>;
interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const COMPOSE_FILE = 'docker-compose.yml';

// Variables a service may receive although the app does not read them itself.
const RUNTIME_VARIABLES = new Set(['NODE_OPTIONS', 'TZ']);
/** Secrets that differ per service: each service's Kafka password is its own principal's. */
const PER_PRINCIPAL_SECRETS = new Set(['KAFKA_SASL_PASSWORD']);
/** The host variable (.env) a service's secret comes from. */
const hostVariable = (name: string, app: string): string => (PER_PRINCIPAL_SECRETS.has(name) ? `KAFKA_PASSWORD_${app.toUpperCase()}` : name);
/** What .env.example names: the shared secrets, and a Kafka password per principal (the super-user's and the analyst's too). */
const hostSecrets = [...secretVariables.filter((name) => !PER_PRINCIPAL_SECRETS.has(name)), ...kafkaPrincipals.map((principal) => `KAFKA_PASSWORD_${principal.toUpperCase()}`)];

function loadCompose(): ComposeFile {
  const compose = readYaml<unknown>(COMPOSE_FILE, { merge: true });
  if (!isRecord(compose) || !isRecord(compose.services)) {
    throw new Error(`${COMPOSE_FILE} has no "services" mapping`);
  }
  return compose as unknown as ComposeFile;
}

function service(compose: ComposeFile, name: string): Service {
  const s = compose.services[name];
  if (!isRecord(s)) {
    throw new Error(`${COMPOSE_FILE} has no service "${name}" (services: ${Object.keys(compose.services).join(', ')})`);
  }
  return s;
}

/** A service's environment as a map, whether written as a mapping or as KEY=VALUE items. */
function environment(s: Service): Record<string, string> {
  const env = s.environment;
  if (env === undefined || env === null) return {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((item) => {
        const text = String(item);
        const eq = text.indexOf('=');
        return eq < 0 ? [text, ''] : [text.slice(0, eq), text.slice(eq + 1)];
      }),
    );
  }
  if (isRecord(env)) {
    return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
  }
  throw new Error(`environment must be a mapping or a list, got ${JSON.stringify(env)}`);
}

const INTERPOLATION = /\$\{([^}]*)\}/g;
const INTERPOLATION_BODY = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])(.*))?$/s;

/** The value compose uses when none of the referenced host variables is set. */
function withDefaults(value: string): string {
  return value
    .replace(INTERPOLATION, (_all, body: string) => {
      const m = INTERPOLATION_BODY.exec(body);
      if (!m) throw new Error(`malformed interpolation \${${body}}`);
      const [, , op, arg] = m;
      if (op === ':-' || op === '-') return arg ?? '';
      return '';
    })
    .replace(/\$\$/g, '$');
}

/** Container ports a service publishes (short "ip:host:container/proto" or long syntax). */
function containerPorts(s: Service): number[] {
  const ports = Array.isArray(s.ports) ? s.ports : [];
  return ports.map((p) => {
    if (isRecord(p)) return Number(p.target);
    const spec = withDefaults(String(p)).split('/')[0];
    return Number(spec.split(':').pop());
  });
}

function dependsOn(s: Service): Record<string, string> {
  const deps = s.depends_on;
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [String(d), 'service_started']));
  if (isRecord(deps)) {
    return Object.fromEntries(
      Object.entries(deps).map(([k, v]) => [k, isRecord(v) && typeof v.condition === 'string' ? v.condition : 'service_started']),
    );
  }
  return {};
}

function imageTag(image: string): string | undefined {
  const withoutDigest = image.split('@')[0];
  const lastSegment = withoutDigest.split('/').pop() ?? '';
  return lastSegment.includes(':') ? lastSegment.split(':').pop() : undefined;
}

const compose = loadCompose();

describe('docker-compose.yml', () => {
  it('uses only well-formed ${VAR}, ${VAR:-default} and ${VAR:?message} interpolations', () => {
    const problems: string[] = [];
    for (const [name, s] of Object.entries(compose.services)) {
      const walk = (value: unknown, path: string): void => {
        if (typeof value === 'string') {
          for (const m of value.matchAll(INTERPOLATION)) {
            if (!INTERPOLATION_BODY.test(m[1])) problems.push(`${path}: ${m[0]}`);
          }
        } else if (Array.isArray(value)) {
          value.forEach((v, i) => walk(v, `${path}[${i}]`));
        } else if (isRecord(value)) {
          Object.entries(value).forEach(([k, v]) => walk(v, `${path}.${k}`));
        }
      };
      walk(s, `services.${name}`);
    }
    expect(problems).toEqual([]);
  });

  it('has a service, a Dockerfile and a variable list for every app with an entry point', () => {
    const known = [...appNames].sort();
    // A new apps/<name>/src/main.ts needs a row in app-variables.ts, a Dockerfile and a service.
    expect(appsWithEntryPoint().filter((app) => !known.includes(app as AppName))).toEqual([]);
    for (const app of appNames) {
      expect({ app, entryPoint: existsSync(repoPath('apps', app, 'src', 'main.ts')) }).toEqual({ app, entryPoint: true });
      expect(Object.keys(compose.services)).toContain(app);
    }
  });

  describe.each(appNames.map((app) => [app]))('service %s', (app) => {
    const s = (): Service => service(compose, app);

    it('is built from the one Dockerfile with APP naming it and the repository root as context', () => {
      const build = s().build;
      expect(isRecord(build)).toBe(true);
      const { context, dockerfile, args } = build as Record<string, unknown>;
      expect(posix.normalize(String(context))).toBe('.');
      expect(posix.normalize(String(dockerfile))).toBe('Dockerfile');
      expect(existsSync(repoPath(String(context), String(dockerfile)))).toBe(true);
      expect(args).toEqual({ APP: app });
    });

    it('sets every variable the app reads', () => {
      const env = environment(s());
      const missing = appVariables[app].filter((v) => !(v in env));
      expect(missing).toEqual([]);
    });

    it('sets no variable the app does not read (no typos, no secrets of other apps)', () => {
      const env = environment(s());
      const unexpected = Object.keys(env).filter((v) => !appVariables[app].includes(v) && !RUNTIME_VARIABLES.has(v));
      expect(unexpected).toEqual([]);
    });

    it('requires every secret from the host environment or .env, with no default', () => {
      const env = environment(s());
      for (const name of secretVariables.filter((v) => appVariables[app].includes(v))) {
        const value = env[name] ?? '';
        const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(:-|:\?)(.*)\}$/s.exec(value);
        expect({ name, value, interpolated: m !== null && m[1] === hostVariable(name, app) }).toEqual({ name, value, interpolated: true });
        // Compose runs NODE_ENV=production: a default here would be a public key for real people's data.
        expect({ name, required: m?.[2] === ':?' }).toEqual({ name, required: true });
        // The error compose prints must say where the value comes from.
        expect({ name, message: m?.[3] }).toEqual({ name, message: expect.stringContaining('.env.example') });
        if (m && m[2] === ':-') {
          const fallback = m[3];
          const decoded = /^[A-Za-z0-9+/]+=*$/.test(fallback) ? Buffer.from(fallback, 'base64').toString('utf8') : '';
          // A committed default must say it is for development only.
          expect({ name, fallback, marked: /dev[-_ ]?only/i.test(fallback) || /dev[-_ ]?only/i.test(decoded) }).toEqual({
            name,
            fallback,
            marked: true,
          });
        }
      }
    });

    it('listens on the port it publishes', () => {
      const port = Number(withDefaults(environment(s())[portVariable[app]] ?? ''));
      expect(Number.isInteger(port) && port > 0).toBe(true);
      expect(containerPorts(s())).toContain(port);
    });

    it('has a healthcheck against its own HTTP health endpoint', () => {
      const hc = s().healthcheck;
      expect(isRecord(hc)).toBe(true);
      const test = (hc as Record<string, unknown>).test;
      const text = Array.isArray(test) ? test.join(' ') : String(test);
      expect(text).toMatch(/\/health(\/live)?\b/);
      expect(text).toContain(portVariable[app]);
    });
  });

  it('gives every service a healthcheck (a one-shot job is waited for to complete instead)', () => {
    const without = Object.entries(compose.services)
      .filter(([, s]) => s.restart !== 'no')
      .filter(([, s]) => {
        const hc = s.healthcheck;
        if (!isRecord(hc) || hc.disable === true) return true;
        const test = hc.test;
        return !(Array.isArray(test) ? test.length > 1 && test[0] !== 'NONE' : typeof test === 'string' && test.length > 0);
      })
      .map(([name]) => name);
    expect(without).toEqual([]);
  });

  it('waits only for dependencies that exist and, for service_healthy, have a healthcheck', () => {
    const problems: string[] = [];
    for (const [name, s] of Object.entries(compose.services)) {
      for (const [dep, condition] of Object.entries(dependsOn(s))) {
        const target = compose.services[dep];
        if (!isRecord(target)) problems.push(`${name} depends on unknown service ${dep}`);
        else if (condition === 'service_healthy' && !isRecord(target.healthcheck)) problems.push(`${name} waits for ${dep} to be healthy, which has no healthcheck`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each([['intake'], ['projection']])('starts %s once Kafka is provisioned (topics, ACLs) and mongo is healthy', (app) => {
    const deps = dependsOn(service(compose, app));
    expect(deps).toEqual(expect.objectContaining({ 'kafka-provision': 'service_completed_successfully', mongo: 'service_healthy' }));
    expect(dependsOn(service(compose, 'kafka-provision'))).toEqual({ kafka: 'service_healthy' });
  });

  it('starts gateway after intake and projection are healthy', () => {
    expect(dependsOn(service(compose, 'gateway'))).toEqual(
      expect.objectContaining({ intake: 'service_healthy', projection: 'service_healthy' }),
    );
  });

  it('points the apps at the compose services (Kafka, MongoDB, each other)', () => {
    const names = Object.keys(compose.services);
    const host = (url: string): string => new URL(url).hostname;
    const port = (url: string): string => new URL(url).port;

    for (const app of appNames.filter((a) => appVariables[a].includes('KAFKA_BROKERS'))) {
      const brokers = withDefaults(environment(service(compose, app)).KAFKA_BROKERS).split(',');
      for (const broker of brokers) {
        const [h, p] = broker.trim().split(':');
        expect({ app, broker, service: names.includes(h), port: p }).toEqual({ app, broker, service: true, port: '9092' });
      }
    }

    const databases = new Map<string, string>();
    for (const app of appNames.filter((a) => appVariables[a].includes('MONGODB_URI'))) {
      const uri = withDefaults(environment(service(compose, app)).MONGODB_URI);
      expect(uri).toMatch(/^mongodb:\/\//);
      expect(names).toContain(host(uri));
      const db = new URL(uri).pathname.replace(/^\//, '');
      expect({ app, uri, hasDatabase: db.length > 0 }).toEqual({ app, uri, hasDatabase: true });
      expect({ app, db, sharedWith: databases.get(db) }).toEqual({ app, db, sharedWith: undefined });
      databases.set(db, app);
    }

    const gw = environment(service(compose, 'gateway'));
    for (const [variable, target] of [
      ['INTAKE_URL', 'intake'],
      ['PROJECTION_URL', 'projection'],
    ] as const) {
      const url = withDefaults(gw[variable]);
      expect(host(url)).toBe(target);
      expect(port(url)).toBe(withDefaults(environment(service(compose, target))[portVariable[target]]));
    }
  });

  it('keeps a shared secret identical in every service that reads it, and a Kafka password of its own to each', () => {
    for (const name of PER_PRINCIPAL_SECRETS) {
      const readers = appNames.filter((a) => appVariables[a].includes(name));
      expect(new Set(readers.map((a) => environment(service(compose, a))[name])).size).toBe(readers.length);
    }
    for (const name of secretVariables.filter((v) => !PER_PRINCIPAL_SECRETS.has(v))) {
      const values = new Set(
        appNames.filter((a) => appVariables[a].includes(name)).map((a) => environment(service(compose, a))[name]),
      );
      expect({ name, distinctValues: values.size }).toEqual({ name, distinctValues: 1 });
    }
  });

  describe('.env.example', () => {
    const lines = (): string[] => readRepoFile('.env.example').split(/\r?\n/);
    /** VAR=value lines, with the comment lines right above each. */
    const entries = (): { name: string; value: string; comment: string }[] =>
      lines().flatMap((line, index, all) => {
        const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
        if (!m) return [];
        const comment: string[] = [];
        for (let i = index - 1; i >= 0 && all[i].trim().startsWith('#'); i -= 1) comment.unshift(all[i]);
        return [{ name: m[1], value: m[2].trim(), comment: comment.join('\n') }];
      });

    it('names every secret and nothing else', () => {
      expect(entries().map((e) => e.name).sort()).toEqual([...hostSecrets].sort());
    });

    it('gives no value, so that compose refuses to start until real ones are generated', () => {
      expect(entries().filter((e) => e.value !== '')).toEqual([]);
    });

    it('says how to generate each secret', () => {
      // PERSONAL_DATA_MASTER_KEY must decode to exactly 32 bytes; the service-token keys are an EC pair; the others are keys of at least 16.
      const expected = (name: string): string =>
        name === 'PERSONAL_DATA_MASTER_KEY' ? 'openssl rand -base64 32' : name.startsWith('SERVICE_TOKEN_') ? 'openssl genpkey' : 'openssl rand -';
      const undocumented = entries()
        .filter((e) => !e.comment.includes(expected(e.name)))
        .map((e) => ({ name: e.name, comment: e.comment }));
      expect(undocumented).toEqual([]);
    });

    it('is committed while .env is git-ignored', () => {
      expect(readRepoFile('.gitignore').split(/\r?\n/).map((l) => l.trim())).toEqual(expect.arrayContaining(['.env']));
      expect(readRepoFile('.gitignore').split(/\r?\n/).map((l) => l.trim())).not.toContain('.env.example');
    });
  });

  describe('kafka', () => {
    const kafka = (): Service => service(compose, 'kafka');

    it('uses a pinned apache/kafka image', () => {
      const image = String(kafka().image);
      expect(image).toMatch(/^apache\/kafka:/);
      expect(imageTag(image)).toMatch(/^\d+\.\d+\.\d+/);
    });

    // Its settings are written by its start script (SASL needs more than the image's variables can say).
    const script = (): string => readRepoFile('tools/compose/kafka-start.sh');
    const setting = (name: string): string | undefined => new RegExp(`^${name.replace(/\./g, '\\.')}=(.*)$`, 'm').exec(script())?.[1];

    it('runs a single KRaft node without topic auto-creation and with replication factor 1', () => {
      expect(kafka().entrypoint).toEqual(['/bin/sh', '/mukti/kafka-start.sh']);
      expect(setting('node.id')).toBe('1');
      expect(setting('process.roles')!.split(',').sort()).toEqual(['broker', 'controller']);
      expect(setting('listeners')).toMatch(/:9092\b/);
      expect(setting('advertised.listeners')).toContain('kafka:9092');
      expect(setting('controller.quorum.voters')).toMatch(/^1@kafka:\d+$/);
      expect(setting('auto.create.topics.enable')).toBe('false');
      const factors = script().split('\n').filter((line) => /^[a-z.]*(replication\.factor|min\.isr|min\.insync\.replicas)=/.test(line));
      expect(factors.length).toBeGreaterThan(0);
      expect(factors.filter((line) => !line.endsWith('=1'))).toEqual([]);
      for (const app of appNames.filter((a) => appVariables[a].includes('KAFKA_TOPIC_REPLICATION_FACTOR'))) {
        expect(withDefaults(environment(service(compose, app)).KAFKA_TOPIC_REPLICATION_FACTOR)).toBe('1');
      }
    });

    it('authenticates every client (SASL/SCRAM on every listener) and authorises it by its ACLs alone', () => {
      const protocols = setting('listener.security.protocol.map')!.split(',').map((entry) => entry.split(':')[1]);
      expect(new Set(protocols)).toEqual(new Set(['SASL_PLAINTEXT']));
      expect(setting('authorizer.class.name')).toBe('org.apache.kafka.metadata.authorizer.StandardAuthorizer');
      expect(setting('allow.everyone.if.no.acl.found')).toBe('false');
      expect(setting('super.users')).toBe('User:admin');
    });

    it('has a SCRAM user, with a required password, for every declared principal', () => {
      const users = /^USERS="([^"]*)"$/m.exec(script())![1]!.split(' ');
      expect([...users].sort()).toEqual([...kafkaPrincipals].sort());
      const env = environment(kafka());
      for (const principal of kafkaPrincipals) {
        expect(env[`KAFKA_PASSWORD_${principal.toUpperCase()}`]).toMatch(/^\$\{KAFKA_PASSWORD_[A-Z]+:\?/);
      }
    });

    it('is health-checked with kafka-broker-api-versions.sh', () => {
      const hc = kafka().healthcheck as Record<string, unknown>;
      expect([hc.test].flat().join(' ')).toContain('/opt/kafka/bin/kafka-broker-api-versions.sh');
    });

    it('keeps its data in a named volume', () => {
      expect(namedVolumes(kafka())).toHaveLength(1);
    });
  });

  describe('mongo', () => {
    const mongo = (): Service => service(compose, 'mongo');

    it('uses a pinned mongo image', () => {
      const image = String(mongo().image);
      expect(image).toMatch(/^mongo:/);
      expect(imageTag(image)).toMatch(/^\d+\.\d+/);
    });

    it('is health-checked with a mongosh ping', () => {
      const hc = mongo().healthcheck as Record<string, unknown>;
      const text = [hc.test].flat().join(' ');
      expect(text).toContain('mongosh');
      expect(text).toContain('ping');
    });

    it('keeps /data/db in a named volume', () => {
      expect(namedVolumes(mongo())).toEqual([expect.objectContaining({ target: '/data/db' })]);
    });
  });

  it('pins every image it pulls (no missing or latest tag)', () => {
    const unpinned = Object.entries(compose.services)
      .filter(([, s]) => s.build === undefined)
      .map(([name, s]) => [name, String(s.image)])
      .filter(([, image]) => !image.includes('@') && (imageTag(image) === undefined || imageTag(image) === 'latest'));
    expect(unpinned).toEqual([]);
  });

  function namedVolumes(s: Service): { source: string; target: string }[] {
    const mounts = (Array.isArray(s.volumes) ? s.volumes : []).map((v) => {
      if (isRecord(v)) return { source: String(v.source), target: String(v.target) };
      const [source, target] = String(v).split(':');
      return { source, target };
    });
    const declared = Object.keys(compose.volumes ?? {});
    const named = mounts.filter((m) => declared.includes(m.source));
    // A mount that is neither a path nor a declared volume would be an undeclared volume.
    const undeclared = mounts.filter((m) => !declared.includes(m.source) && !/^[./~]/.test(m.source));
    expect(undeclared).toEqual([]);
    return named;
  }
});
