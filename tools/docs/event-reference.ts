/**
 * docs/events.md, from the event catalogue: every event type with its topic, producer, consumers
 * (libs/contracts/src/kafka-access.ts), subject, text (its schema's description) and fields (its
 * schema), inside the topic-level text of tools/docs/events.template.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analystGroupPrefix,
  deadLetterTopicOf,
  defaultConsumerGroups,
  eventCatalog,
  EventType,
  servicePrincipals,
  Topic,
  topicConsumers,
  topicProducers,
  topics,
} from '@mukti/contracts';
import { fieldRows, plainSchema } from './schema-text';

export const repoRoot = join(__dirname, '..', '..');

type Entry = (typeof eventCatalog)[EventType] & { about?: string };

/** The service that writes a topic, by the name of its CloudEvents source (/mukti/intake -> intake). */
export function producerName(topic: Topic): string {
  return topicProducers[topic].replace(/^\/mukti\//, '');
}

/** Who reads a topic: each service that consumes it (with its default group), or the analysts. */
export function consumersOf(topic: Topic): { name: string; group: string }[] {
  const services: { name: string; group: string }[] = servicePrincipals
    .filter((service) => topicConsumers[service]?.topics.includes(topic))
    .map((service) => ({ name: service, group: topicConsumers[service]!.group }));
  if (topic === topics.analytics) services.push({ name: 'analysts', group: `${analystGroupPrefix}*` });
  return services;
}

/** What an event's subject (and Kafka key) is, and whose timeline it goes on. */
export function subjectOf(type: EventType): string {
  const entry = eventCatalog[type] as Entry;
  if (entry.topic === topics.audit) return "the person's id, or `request:<request id>` on a registration's `requested` record";
  if (entry.topic === topics.analytics) return 'the pseudonym';
  switch (entry.about) {
    case undefined:
      return "the person's id (it goes on her timeline)";
    case 'operation':
      return "the rescue operation's id (on no one's timeline)";
    case 'case':
      return "the case's id (it goes on the timeline of each victim the case names)";
    case 'perpetrator':
      return "the perpetrator's id (on no one's timeline)";
    case 'training':
      return "the training session's id (on no one's timeline)";
    case 'household':
      return "the household's id (on no one's timeline)";
    case 'prevention-plan':
      return "the prevention plan's id (it goes on the timeline of each person it covers)";
    default:
      throw new Error(`${type}: no words for a subject about "${entry.about}"`);
  }
}

/** Where an event's schema is declared: libs/contracts/src/<scope>/<scope>.events.ts. */
export function schemaFileOf(type: EventType): string {
  const scope = /^org\.mukti\.([a-z]+)\./.exec(type)?.[1];
  if (!scope) throw new Error(`${type}: not an org.mukti.<scope>.* type`);
  return `libs/contracts/src/${scope}/${scope}.events.ts`;
}

export function eventTypesOf(topic: Topic): EventType[] {
  return (Object.keys(eventCatalog) as EventType[]).filter((type) => eventCatalog[type].topic === topic);
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');

function eventSection(type: EventType): string {
  const { topic, schema } = eventCatalog[type];
  const json = plainSchema(schema);
  const consumers = consumersOf(topic)
    .map((consumer) => consumer.name)
    .join(', ');
  const lines = [
    `### \`${type}\``,
    '',
    `Topic \`${topic}\`, written by **${producerName(topic)}** (\`${topicProducers[topic]}\`), read by ${consumers}. ` +
      `Subject and key: ${subjectOf(type)}. Schema: [\`${schemaFileOf(type).split('/').pop()}\`](../${schemaFileOf(type)}).`,
    '',
  ];
  if (json.description) lines.push(json.description.trim(), '');
  const rows = fieldRows(json);
  const notes = rows.some((row) => row.description);
  lines.push(notes ? '| field | type | required | notes |' : '| field | type | required |', notes ? '| --- | --- | --- | --- |' : '| --- | --- | --- |');
  for (const row of rows) {
    const cells = [`\`${row.path}\``, escapeCell(row.type), row.required ? 'yes' : 'no', ...(notes ? [escapeCell(row.description ?? '')] : [])];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function topicsTable(): string {
  const allTopics = Object.values(topics) as Topic[];
  const subjects = (topic: Topic) => [...new Set(eventTypesOf(topic).map((type) => subjectOf(type).replace(/ \(.*\)$/, '')))].join('; ');
  return [
    '| topic | producer (`ce_source`) | subject and key | consumers (default group) | event types |',
    '| --- | --- | --- | --- | --- |',
    ...allTopics.map(
      (topic) =>
        `| [\`${topic}\`](#${topic.replace(/\./g, '')}) | ${producerName(topic)} (\`${topicProducers[topic]}\`) | ${escapeCell(subjects(topic))} | ` +
        `${consumersOf(topic).map((consumer) => `${consumer.name} (\`${consumer.group}\`)`).join(', ')} | ${eventTypesOf(topic).length} |`,
    ),
    '| `<group>.dead-letters.v1`, `<group>.redrive.v1` | the service of consumer group `<group>` | the original key | that service, in its group; operators ([operations.md](operations.md#dead-letters-and-redrive)) | (the original events) |',
  ].join('\n');
}

/** The whole page, as `npm run docs` writes it. */
export function renderEventReference(template = readFileSync(join(__dirname, 'events.template.md'), 'utf8')): string {
  const placed = new Set<string>();
  const page = template.replace(/\{\{([a-z-]+)(?: ([^}]+))?\}\}/g, (_, name: string, argument: string | undefined) => {
    if (name === 'topics') return topicsTable();
    if (name === 'dead-letter-topics') {
      const names = Object.values(defaultConsumerGroups()).map((group) => `\`${deadLetterTopicOf(group!)}\``);
      return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    }
    if (name === 'events' && argument && (Object.values(topics) as string[]).includes(argument)) {
      placed.add(argument);
      return eventTypesOf(argument as Topic).map(eventSection).join('\n\n');
    }
    throw new Error(`events.template.md: unknown placeholder {{${name}${argument ? ` ${argument}` : ''}}}`);
  });
  const missing = Object.values(topics).filter((topic) => !placed.has(topic));
  if (missing.length > 0) throw new Error(`events.template.md has no {{events <topic>}} for ${missing.join(', ')}`);
  return `<!-- Generated by \`npm run docs\` (tools/docs/generate.mjs): edit the catalogue or tools/docs/events.template.md, not this file. -->\n${page.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
