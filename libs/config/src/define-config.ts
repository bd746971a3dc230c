/**
 * Configuration by environment, in one way for every service: each service declares the
 * variables it reads with their defaults (defaults run the platform on one machine), and gets a
 * typed, validated object. The declarations double as documentation: tests check that
 * docker-compose.yml and k8s/ set every variable a service reads.
 */

import { developmentKafkaPassword } from './kafka-credentials';

export interface Variable<T> {
  readonly kind: 'string' | 'port' | 'integer' | 'list' | 'secret';
  readonly defaultValue?: string;
  /** A secret's development default is used only when asked for (MUKTI_DEVELOPMENT_DEFAULTS=true), and announced at start. */
  readonly developmentOnlyDefault?: boolean;
  readonly optional?: boolean;
  readonly description: string;
  parse(raw: string): T;
}

type Shape = Record<string, Variable<unknown>>;
export type ConfigOf<S extends Shape> = { readonly [K in keyof S]: S[K] extends Variable<infer T> ? T : never };

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

export function string(description: string, defaultValue?: string): Variable<string> {
  return { kind: 'string', description, defaultValue, parse: (raw) => raw };
}

export function optionalString(description: string): Variable<string | undefined> {
  return { kind: 'string', description, optional: true, parse: (raw) => (raw === '' ? undefined : raw) };
}

export function port(description: string, defaultValue: number): Variable<number> {
  return {
    kind: 'port',
    description,
    defaultValue: String(defaultValue),
    parse(raw) {
      const value = Number(raw);
      if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`"${raw}" is not a TCP port`);
      return value;
    },
  };
}

export function integer(description: string, defaultValue: number, min = 1): Variable<number> {
  return {
    kind: 'integer',
    description,
    defaultValue: String(defaultValue),
    parse(raw) {
      const value = Number(raw);
      if (!Number.isInteger(value) || value < min) throw new Error(`"${raw}" is not an integer >= ${min}`);
      return value;
    },
  };
}

export function list(description: string, defaultValue: string): Variable<string[]> {
  return {
    kind: 'list',
    description,
    defaultValue,
    parse: (raw) => raw.split(',').map((item) => item.trim()).filter(Boolean),
  };
}

/** On or off: "true" or "false", nothing else (a typo must not silently mean either). */
export function flag(description: string, defaultValue: boolean): Variable<boolean> {
  return {
    kind: 'string',
    description,
    defaultValue: String(defaultValue),
    parse(raw) {
      if (raw !== 'true' && raw !== 'false') throw new Error(`"${raw}" is neither true nor false`);
      return raw === 'true';
    },
  };
}

/** A length of time, in seconds: "90s", "30m", "12h" or a bare number of seconds. */
export function duration(description: string, defaultValue: string): Variable<number> {
  const units: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600 };
  return {
    kind: 'string',
    description,
    defaultValue,
    parse(raw) {
      const match = /^(\d+)(s|m|h)?$/.exec(raw.trim());
      if (!match || Number(match[1]) === 0) throw new Error(`"${raw}" is not a duration like 90s, 30m or 12h`);
      return Number(match[1]) * units[match[2] ?? ''];
    },
  };
}

/** A secret: required, with a public development default used only when MUKTI_DEVELOPMENT_DEFAULTS=true. */
export function secret(description: string, developmentDefault: string, minLength = 16): Variable<string> {
  return {
    kind: 'secret',
    description,
    defaultValue: developmentDefault,
    developmentOnlyDefault: true,
    parse(raw) {
      if (raw.length < minLength) throw new Error(`must be at least ${minLength} characters`);
      return raw;
    },
  };
}

export interface ConfigDefinition<S extends Shape> {
  readonly service: string;
  readonly variables: S;
  readonly variableNames: string[];
  /** Reads and validates the environment; throws ConfigurationError listing every problem. */
  load(env?: NodeJS.ProcessEnv): ConfigOf<S> & { readonly developmentDefaultsInUse: string[] };
}

/**
 * The one switch that lets secrets fall back to their public development defaults. Read by every
 * service, set by `npm start` and the tests, never by a deployment (so it is not a declared
 * variable that deployment files must carry).
 */
export const DEVELOPMENT_DEFAULTS = 'MUKTI_DEVELOPMENT_DEFAULTS';

export function defineConfig<S extends Shape>(service: string, variables: S): ConfigDefinition<S> {
  return {
    service,
    variables,
    variableNames: Object.keys(variables),
    load(env = process.env) {
      // Public defaults for secrets only when someone asked for them by name (npm start, the
      // tests): never because NODE_ENV happens not to read "production" ("prod", "staging", unset).
      const developmentDefaultsAllowed = env[DEVELOPMENT_DEFAULTS] === 'true';
      const problems: string[] = [];
      const developmentDefaultsInUse: string[] = [];
      const values: Record<string, unknown> = {};
      for (const [name, variable] of Object.entries(variables)) {
        const given = env[name];
        let raw = given === undefined || given === '' ? undefined : given;
        if (raw === undefined && variable.developmentOnlyDefault) {
          if (!developmentDefaultsAllowed) {
            problems.push(`${name} is required (${variable.description}); only on a development machine, ${DEVELOPMENT_DEFAULTS}=true uses a public default`);
            continue;
          }
          developmentDefaultsInUse.push(name);
        }
        raw ??= variable.defaultValue;
        if (raw === undefined) {
          if (variable.optional) {
            values[name] = undefined;
            continue;
          }
          problems.push(`${name} is required (${variable.description})`);
          continue;
        }
        try {
          values[name] = variable.parse(raw);
        } catch (error) {
          problems.push(`${name}: ${(error as Error).message}`);
        }
      }
      if (problems.length > 0) throw new ConfigurationError(problems);
      return Object.freeze({ ...values, developmentDefaultsInUse }) as ConfigOf<S> & {
        developmentDefaultsInUse: string[];
      };
    },
  };
}

/** An http(s) URL, or nothing. */
export function optionalUrl(description: string): Variable<string | undefined> {
  return {
    kind: 'string',
    description,
    optional: true,
    parse(raw) {
      if (raw === '') return undefined;
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        throw new Error(`"${raw}" is not a URL`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`"${raw}" is not an http(s) URL`);
      return raw;
    },
  };
}

/** Where a service sends its traces; nothing is traced without it. */
function observabilityVariables() {
  return {
    OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl(
      'OTLP/HTTP endpoint of an OpenTelemetry collector (e.g. http://otel-collector:4318): spans go to <endpoint>/v1/traces as JSON; unset, tracing is off and costs nothing',
    ),
  };
}

/** Variables every service reads: logging, the interface it listens on, and where its traces go. */
export const commonVariables = {
  NODE_ENV: string('the Node environment; secrets never fall back to defaults because of it (see MUKTI_DEVELOPMENT_DEFAULTS)', 'development'),
  LOG_LEVEL: string('pino log level: fatal, error, warn, info, debug, trace', 'info'),
  // Loopback unless told otherwise: on a workstation nothing but the gateway should be reachable.
  BIND_ADDRESS: string('the interface the HTTP server listens on (0.0.0.0 in containers)', '127.0.0.1'),
  ...observabilityVariables(),
};

/** The gateway's: how it checks staff tokens from the organisation's identity provider. */
export const staffTokenVariables = {
  AUTH_JWT_SECRET: secret(
    'HMAC secret for HS256 staff tokens (development and tests); ignored for verification when AUTH_JWKS_URL is set, but still required',
    'mukti-development-secret-do-not-use-in-production',
    32,
  ),
  AUTH_JWKS_URL: optionalString("the OIDC provider's JWKS URL; when set, tokens are verified against it (RS256, ES256, PS256) and HS256 tokens are refused"),
  AUTH_ISSUER: string('expected "iss" of staff tokens', 'mukti-dev'),
  AUTH_AUDIENCE: string('expected "aud" of staff tokens', 'mukti-api'),
  AUTH_MAX_TOKEN_LIFETIME: duration('longest a staff token may live (exp - iat; iat required), e.g. 12h', '12h'),
};

/** The gateway's: the key it signs service tokens with (base64 of an ES256 PKCS#8 PEM or JWK). */
export const serviceTokenSigningVariables = {
  SERVICE_TOKEN_PRIVATE_KEY: secret(
    "base64 of the gateway's ES256 private key (PKCS#8 PEM or JWK) that signs service tokens; only the gateway holds it",
    'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5QWdFR0NDcUdTTTQ5QXdFSEJHMHdhd0lCQVFRZytNa1J1QmFpV3hjMUlSMEYKMUVJZGhtd3VqcWVnUDhBbWdQT3NnNUZHYmtXaFJBTkNBQVNFT3hsVTRYTG1aejFhcTNCTkVrOEpaLzFldlBrUQoxK2loclNoM0lEa3RQZkZqakhzTjRkdjdHVHIzTXlNZ0NvRWpOS0lFRmswSTFTT3VBS1hZeXRvbAotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg==',
    100,
  ),
};

/** Every service's behind the gateway: the key that tells the gateway's service tokens from anything else. */
export const serviceTokenVariables = {
  SERVICE_TOKEN_PUBLIC_KEY: secret("base64 of the gateway's ES256 public key (SPKI PEM or JWK) that service tokens are checked with", 'LS0tLS1CRUdJTiBQVUJMSUMgS0VZLS0tLS0KTUZrd0V3WUhLb1pJemowQ0FRWUlLb1pJemowREFRY0RRZ0FFaERzWlZPRnk1bWM5V3F0d1RSSlBDV2Y5WHJ6NQpFTmZvb2Ewb2R5QTVMVDN4WTR4N0RlSGIreGs2OXpNaklBcUJJelNpQkJaTkNOVWpyZ0NsMk1yYUpRPT0KLS0tLS1FTkQgUFVCTElDIEtFWS0tLS0tCg==', 100),
};

/** Variables of every service that talks to Kafka and owns a database. */
export const eventSourcedServiceVariables = {
  KAFKA_BROKERS: list('comma-separated Kafka bootstrap servers', '127.0.0.1:9092'),
  KAFKA_TOPIC_PARTITIONS: integer('partitions of each topic provisioning creates (npm run kafka-provision); applied only when a topic is created', 3),
  KAFKA_TOPIC_REPLICATION_FACTOR: integer('replication factor of each topic provisioning creates; its min.insync.replicas is min(2, this)', 1),
};

/**
 * The master keys that wrap data keys: intake's (each person's and household's), the legal
 * service's (each perpetrator's, training session's and case's). Held by those services, and by
 * `npm run reseal`, which seals text recorded in clear with the keys they wrap.
 */
export const dataMasterKeyVariables = {
  PERSONAL_DATA_MASTER_KEY: secret(
    "base64 of 32 random bytes (openssl rand -base64 32): wraps every person's data key",
    'bXVrdGktZGV2ZWxvcG1lbnQtbWFzdGVyLWtleS0zMmI=',
    44,
  ),
  PERPETRATOR_DATA_MASTER_KEY: secret(
    "base64 of 32 random bytes (openssl rand -base64 32): wraps each perpetrator's and training session's data key",
    'bXVrdGktZGV2LXBlcnBldHJhdG9yLWtleS0zMmJ5dGU=',
    44,
  ),
};

/** One of a fixed set of values (a typo must not silently mean another). */
export function oneOf<T extends string>(description: string, values: readonly T[], defaultValue: T): Variable<T> {
  return {
    kind: 'string',
    description,
    defaultValue,
    parse(raw) {
      if (!(values as readonly string[]).includes(raw)) throw new Error(`"${raw}" is not one of ${values.join(', ')}`);
      return raw as T;
    },
  };
}

export const kafkaSaslMechanisms = ['scram-sha-512', 'scram-sha-256'] as const;
export type KafkaSaslMechanism = (typeof kafkaSaslMechanisms)[number];

/**
 * How a Kafka client proves who it is: every service and tool connects as its own principal
 * (SASL/SCRAM), over TLS where the brokers offer it. The password has a public development
 * default only under MUKTI_DEVELOPMENT_DEFAULTS=true, like every secret.
 */
export function kafkaClientVariables(principal: string) {
  return {
    KAFKA_SASL_MECHANISM: oneOf('SASL mechanism of the Kafka client: scram-sha-512 or scram-sha-256', kafkaSaslMechanisms, 'scram-sha-512'),
    KAFKA_SASL_USERNAME: string(`the Kafka principal this client authenticates as (its ACLs say what it may touch)`, principal),
    KAFKA_SASL_PASSWORD: secret(`the Kafka principal's SCRAM password`, developmentKafkaPassword(principal), 16),
    KAFKA_SSL: flag('connect to the brokers over TLS (system CAs, or those in NODE_EXTRA_CA_CERTS)', false),
  };
}

/** What libs/messaging needs to open a Kafka connection, as a loaded configuration holds it. */
export interface KafkaConnectionSettings {
  KAFKA_BROKERS: string[];
  KAFKA_SASL_MECHANISM: KafkaSaslMechanism;
  KAFKA_SASL_USERNAME: string;
  KAFKA_SASL_PASSWORD: string;
  KAFKA_SSL: boolean;
}
