/**
 * docs/asyncapi.yaml is valid AsyncAPI 3 and says what every topic carries: one channel per topic,
 * one message per event type with the very schema the platform validates against, and examples
 * the platform would accept. (That the file is what the generator writes is generated-docs.unit.spec.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { parse } from 'yaml';
import { eventCatalog, EventType, payloadProblems, topics } from '@mukti/contracts';
import { channelName, messageName } from './asyncapi';
import { analyticsExamples } from './asyncapi-examples';
import { plainSchema } from './schema-text';

const text = readFileSync(join(__dirname, '../../docs/asyncapi.yaml'), 'utf8');
const document = parse(text);
const eventTypes = Object.keys(eventCatalog) as EventType[];

it('is a valid AsyncAPI 3 document with a channel for every topic', async () => {
  const { document: parsed, diagnostics } = await new Parser().parse(text);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 0);
  expect(errors.map((error) => `${error.path.join('.')}: ${error.message}`)).toEqual([]);
  expect(parsed?.version()).toBe('3.0.0');
  expect(parsed?.channels().all().map((channel) => channel.address()).sort()).toEqual(Object.values(topics).sort());
  expect(parsed?.messages().all()).toHaveLength(eventTypes.length);
});

it.each(eventTypes)('documents %s on its topic with the payload schema the platform validates against', (type) => {
  const message = document.components.messages[messageName(type)];
  expect(message.name).toBe(type);
  const { description, ...schema } = plainSchema(eventCatalog[type].schema);
  expect(message.payload).toEqual(schema);
  expect(message.description).toBe(description);
  expect(message.headers.properties.ce_type.const).toBe(type);
  const channel = document.channels[channelName(eventCatalog[type].topic)];
  expect(channel.address).toBe(eventCatalog[type].topic);
  expect(channel.messages[messageName(type)]).toEqual({ $ref: `#/components/messages/${messageName(type)}` });
});

it('gives analysts examples that the platform would accept', () => {
  expect(analyticsExamples.length).toBeGreaterThan(0);
  for (const example of analyticsExamples) {
    expect(payloadProblems(example.type, example.payload)).toEqual([]);
  }
});
