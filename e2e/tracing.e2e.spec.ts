/**
 * One registration, one trace: with every service a real process exporting its spans in OTLP/HTTP
 * (JSON) to a collector this test runs, the gateway's request, intake's handling and its outbox
 * relay's send, and the projection's handling of the event are spans of one connected trace, and
 * the log lines written on its way carry its id.
 */
import request from 'supertest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { intakeEventTypes } from '@mukti/contracts';
import { bearer, eventually, testInfrastructure, uniqueName } from '@mukti/testing';
import { Platform, ServiceName, startPlatform } from '../tools/run/service-processes.cjs';

jest.setTimeout(180_000);

/** A span as OTLP/JSON carries it (ids in hex), with the service that exported it. */
interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}
const SPAN_KIND = { server: 2, client: 3, producer: 4, consumer: 5 };

/** The smallest OTLP/HTTP collector: POST /v1/traces in JSON, every span kept. */
function otlpCollector(): Promise<{ server: Server; url: string; spans: ReceivedSpan[] }> {
  const spans: ReceivedSpan[] = [];
  const valueOf = (value: Record<string, unknown>) => value['stringValue'] ?? value['intValue'] ?? value['boolValue'] ?? value['doubleValue'];
  const attributesOf = (list: { key: string; value: Record<string, unknown> }[] = []) => Object.fromEntries(list.map(({ key, value }) => [key, valueOf(value)]));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/traces' || !String(req.headers['content-type']).includes('json')) {
        res.writeHead(415).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      for (const resourceSpans of body.resourceSpans ?? []) {
        const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name']);
        for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
          for (const span of scopeSpans.spans ?? []) {
            spans.push({
              service,
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId || undefined,
              name: span.name,
              kind: span.kind,
              attributes: attributesOf(span.attributes),
            });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans })));
}

const services: ServiceName[] = ['intake', 'projection', 'audit', 'gateway'];
const databasePrefix = uniqueName('e2e-tracing');
let platform: Platform;
let collector: Awaited<ReturnType<typeof otlpCollector>>;
const logs: { service: string; line: Record<string, unknown> }[] = [];

beforeAll(async () => {
  collector = await otlpCollector();
  platform = await startPlatform({
    kafkaBrokers: testInfrastructure.kafkaBrokers.join(','),
    mongodbUri: testInfrastructure.mongodbUri,
    services,
    databasePrefix,
    extra: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, RATE_LIMIT_PER_USER: '100000', RATE_LIMIT_PER_ADDRESS: '100000' },
    output: (service, line) => {
      try {
        logs.push({ service, line: JSON.parse(line) });
      } catch {
        // Not a pino line.
      }
    },
  });
});

afterAll(async () => {
  await platform?.stop();
  await platform?.dropDatabases();
  await new Promise((resolve) => collector?.server.close(resolve));
});

it('makes one registration one connected trace: gateway request, intake and its outbox send, the projection handling the event', async () => {
  const caseworker = await bearer('caseworker', 'asha');
  const name = `Traced ${randomUUID().slice(0, 8)}`;
  const registered = await request(platform.gatewayUrl)
    .post('/api/v1/people')
    .set('authorization', caseworker)
    .send({ role: 'at-risk', name, gender: 'female', age: 24, referralSource: 'community' })
    .expect(201);
  const personId = registered.body.id as string;

  // The gateway's server span for the request is the trace's root.
  const root = await eventually(() => {
    const found = collector.spans.find((span) => span.service === 'gateway' && span.kind === SPAN_KIND.server && !span.parentSpanId && String(span.attributes['http.target'] ?? span.attributes['url.path'] ?? span.name).includes('/api/v1/people'));
    expect(found).toBeDefined();
    return found!;
  }, 30_000);
  const inTrace = () => collector.spans.filter((span) => span.traceId === root.traceId);

  // The projection's handling of her registration, in the same trace.
  const handled = await eventually(() => {
    const found = inTrace().find((span) => span.service === 'projection' && span.kind === SPAN_KIND.consumer && span.attributes['cloudevents.event_type'] === intakeEventTypes.personRegistered);
    expect(found).toBeDefined();
    return found!;
  }, 60_000);
  // Whatever the projection writes while handling it (a MongoDB command at least) is exported within the second.
  await eventually(() => expect(inTrace().some((span) => span.service === 'projection' && span.parentSpanId === handled.spanId)).toBe(true), 15_000);

  // Connected: one root, every other span's parent in the trace; hence a path from each span to the root.
  // A parent ends after its children, so it may come in a later export: wait for it.
  const spans = await eventually(() => {
    const now = inTrace();
    const ids = new Set(now.map((span) => span.spanId));
    for (const span of now) if (span.parentSpanId) expect({ span: span.name, service: span.service, parentFound: ids.has(span.parentSpanId) }).toMatchObject({ parentFound: true });
    return now;
  }, 15_000);
  const byId = new Map(spans.map((span) => [span.spanId, span]));
  expect(spans.filter((span) => !span.parentSpanId)).toEqual([root]);
  const pathToRoot = (span: ReceivedSpan): ReceivedSpan[] => (span.parentSpanId ? [span, ...pathToRoot(byId.get(span.parentSpanId)!)] : [span]);

  // The projection's handling descends from intake's send of the event, which descends from intake's
  // handling of the request the gateway forwarded.
  const path = pathToRoot(handled);
  const send = path.find((span) => span.kind === SPAN_KIND.producer);
  expect(send).toMatchObject({ service: 'intake', attributes: expect.objectContaining({ 'cloudevents.event_type': intakeEventTypes.personRegistered, 'messaging.system': 'kafka' }) });
  expect(path.some((span) => span.service === 'intake' && span.kind === SPAN_KIND.server)).toBe(true);
  expect(path.some((span) => span.service === 'gateway' && span.kind === SPAN_KIND.client)).toBe(true);
  expect(path.at(-1)).toBe(root);
  expect([...new Set(spans.map((span) => span.service))]).toEqual(expect.arrayContaining(['gateway', 'intake', 'projection']));
  // Intake's own writes are in it (the MongoDB driver instrumented).
  expect(spans.some((span) => span.service === 'intake' && span.kind === SPAN_KIND.client && (span.attributes['db.system.name'] ?? span.attributes['db.system']) === 'mongodb')).toBe(true);

  // Log lines written on its way carry its id: the gateway's and intake's request lines.
  await eventually(() => {
    const traced = logs.filter(({ line }) => line['trace_id'] === root.traceId);
    expect([...new Set(traced.map(({ service }) => service))]).toEqual(expect.arrayContaining(['gateway', 'intake']));
  }, 15_000);
  // No personal data in any span: her name travels encrypted, and spans carry no payloads.
  expect(JSON.stringify(spans)).not.toContain(name);
  expect(personId).toBeTruthy();
});
