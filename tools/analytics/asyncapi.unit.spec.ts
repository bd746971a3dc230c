/** docs/asyncapi.yaml is valid AsyncAPI 3, and says exactly what the analytics stream carries. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { parse } from 'yaml';
import { analyticsEventTypes, payloadProblems, PillarEventObservedV1, topics } from '@mukti/contracts';

const text = readFileSync(join(__dirname, '../../docs/asyncapi.yaml'), 'utf8');
const document = parse(text);

it('is a valid AsyncAPI 3 document', async () => {
  const { document: parsed, diagnostics } = await new Parser().parse(text);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 0);
  expect(errors.map((error) => `${error.path.join('.')}: ${error.message}`)).toEqual([]);
  expect(parsed?.version()).toBe('3.0.0');
  expect(parsed?.channels().all().map((channel) => channel.address())).toEqual([topics.analytics]);
});

it('documents the payload schema the platform validates against, and the message type', () => {
  const message = document.components.messages.pillarEventObserved;
  expect(message.name).toBe(analyticsEventTypes.pillarEventObserved);
  expect(message.payload).toEqual(JSON.parse(JSON.stringify(PillarEventObservedV1)));
});

it('gives examples that the platform would accept', () => {
  for (const example of document.components.messages.pillarEventObserved.examples) {
    expect(payloadProblems(analyticsEventTypes.pillarEventObserved, example.payload)).toEqual([]);
  }
});
