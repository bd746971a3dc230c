/**
 * docs/asyncapi.yaml, an AsyncAPI 3 document of every topic, from the event catalogue: one channel
 * per topic with its Kafka binding, one message per event type with its CloudEvents headers, key
 * and payload schema (the same schema the platform validates against), a send operation for the
 * producer and a receive operation for the consumers (libs/contracts/src/kafka-access.ts).
 */
import { stringify } from 'yaml';
import { eventSourcedServiceVariables } from '@mukti/config';
import { eventCatalog, EventType, eventTopicConfig, Topic, topicProducers, topics } from '@mukti/contracts';
import { analyticsExamples } from './asyncapi-examples';
import { consumersOf, eventTypesOf, producerName, subjectOf } from './event-reference';
import { plainSchema } from './schema-text';

/**
 * Channel and message names: mukti.rescue.events.v1 -> rescueEvents; org.mukti.rescue.person-rescued.v1
 * -> rescuePersonRescued, and a later version with its number (…shelter-admitted.v2 -> rehabilitationShelterAdmittedV2).
 */
export function channelName(topic: Topic): string {
  return (Object.keys(topics) as (keyof typeof topics)[]).find((key) => topics[key] === topic)!;
}
export function messageName(type: EventType): string {
  const [, scope, name, version] = /^org\.mukti\.([a-z]+)\.([a-z-]+)\.v(\d+)$/.exec(type)!;
  return `${scope}-${name}${version === '1' ? '' : `-v${version}`}`.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** Provisioning's default (KAFKA_TOPIC_PARTITIONS); a deployment may choose more. */
const defaultPartitions = Number(eventSourcedServiceVariables.KAFKA_TOPIC_PARTITIONS.defaultValue);

function headers(type: EventType, topic: Topic) {
  const analytics = topic === topics.analytics;
  return {
    type: 'object',
    description: 'CloudEvents 1.0 in Kafka binary mode, and the platform\'s tracing extensions',
    required: ['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_time', 'ce_subject', 'ce_correlationid', 'ce_actorid'],
    properties: {
      ce_specversion: { type: 'string', const: '1.0' },
      ce_id: {
        type: 'string',
        format: 'uuid',
        description: analytics
          ? "derived from the source event (and, for a legal case's or prevention plan's event, the person): a repetition has the same id; deduplicate by it"
          : 'unique per event; the same source and id twice is the same event',
      },
      ce_source: { type: 'string', const: topicProducers[topic] },
      ce_type: { type: 'string', const: type },
      ce_time: {
        type: 'string',
        format: 'date-time',
        description: analytics
          ? 'the first instant (UTC) of the month it happened; the Kafka record timestamp is the same instant, so nothing on the wire is finer than the month'
          : 'when it happened',
      },
      ce_subject: { type: 'string', description: `equal to the key: ${subjectOf(type)}` },
      'content-type': { type: 'string', const: 'application/json' },
      ce_correlationid: { type: 'string', description: "the id of the staff request that caused it (a reaction keeps its cause's)" },
      ce_causationid: { type: 'string', description: 'the ce_id of the event that caused this one, on reaction events' },
      ce_actorid: { type: 'string', description: "the staff member's token subject, or system:<service>" },
      ce_actorrole: { type: 'string', description: 'her role (read as unknown when missing)' },
      traceparent: { type: 'string', description: 'W3C trace context of the request' },
    },
  };
}

function message(type: EventType) {
  const { topic, schema } = eventCatalog[type];
  const payload = plainSchema(schema);
  const { description, ...payloadSchema } = payload;
  const examples = analyticsExamples.filter((example) => example.type === type).map(({ type: _type, ...example }) => example);
  return {
    name: type,
    title: type.replace(/^org\.mukti\./, ''),
    ...(description ? { description } : {}),
    contentType: 'application/json',
    headers: headers(type, topic),
    payload: payloadSchema,
    bindings: {
      kafka: {
        key: { type: 'string', description: `the subject: ${subjectOf(type)}` },
        bindingVersion: '0.5.0',
      },
    },
    ...(examples.length > 0 ? { examples } : {}),
  };
}

/** The document as a plain object. */
export function asyncApiDocument(): Record<string, unknown> {
  const allTopics = Object.values(topics) as Topic[];
  const allTypes = Object.keys(eventCatalog) as EventType[];
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const topic of allTopics) {
    const channel = channelName(topic);
    const types = eventTypesOf(topic);
    channels[channel] = {
      address: topic,
      description: `Written by ${producerName(topic)} (${topicProducers[topic]}); read by ${consumersOf(topic)
        .map((consumer) => `${consumer.name} (group ${consumer.group})`)
        .join(', ')}. Retention: forever.`,
      messages: Object.fromEntries(types.map((type) => [messageName(type), { $ref: `#/components/messages/${messageName(type)}` }])),
      bindings: {
        kafka: {
          topic,
          partitions: defaultPartitions,
          topicConfiguration: { 'retention.ms': Number(eventTopicConfig['retention.ms']), 'cleanup.policy': [eventTopicConfig['cleanup.policy']] },
          bindingVersion: '0.5.0',
        },
      },
    };
    const messages = types.map((type) => ({ $ref: `#/channels/${channel}/messages/${messageName(type)}` }));
    operations[`send${channel[0]!.toUpperCase()}${channel.slice(1)}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${channel}` },
      summary: `${producerName(topic)} writes ${topic}, keyed by the subject.`,
      messages,
    };
    operations[`receive${channel[0]!.toUpperCase()}${channel.slice(1)}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${channel}` },
      summary: `Read by ${consumersOf(topic)
        .map((consumer) => consumer.name)
        .join(', ')}.`,
      messages,
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Mukti events',
      version: '1.0.0',
      description:
        'Every topic of the Mukti platform: the pillars\' events, the audit trail and the de-identified analytics stream. ' +
        'Generated by `npm run docs` from the event catalogue (libs/contracts/src/event-catalog.ts) and its schemas; ' +
        'docs/events.md is the same catalogue as a page. Every client authenticates with SASL/SCRAM as its own principal and ' +
        'may touch only the topics its ACLs allow: analysts connect as `analyst`, which reads mukti.analytics.v1 only, in ' +
        'consumer groups named `analyst.*` (docs/analytics.md). Aggregate with k >= 11 before publishing any count.',
    },
    servers: {
      development: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'npm start on one machine (SASL_PLAINTEXT on the loopback)',
        security: [{ $ref: '#/components/securitySchemes/scram' }],
      },
      compose: {
        host: '127.0.0.1:9094',
        protocol: 'kafka',
        description: 'docker compose: the listener for tools on the host',
        security: [{ $ref: '#/components/securitySchemes/scram' }],
      },
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: {
      securitySchemes: {
        scram: {
          type: 'scramSha512',
          description: 'SASL/SCRAM-SHA-512 (KAFKA_SASL_MECHANISM may choose SCRAM-SHA-256) as a principal of your own',
        },
      },
      messages: Object.fromEntries(allTypes.map((type) => [messageName(type), message(type)])),
    },
  };
}

/** The document as `npm run docs` writes it. */
export function renderAsyncApi(): string {
  return (
    '# Generated by `npm run docs` (tools/docs/generate.mjs) from libs/contracts: edit the catalogue, not this file.\n' +
    stringify(asyncApiDocument(), { lineWidth: 0, aliasDuplicateObjects: false })
  );
}
