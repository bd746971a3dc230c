import { randomUUID } from 'node:crypto';
import type { IHeaders } from 'kafkajs';
import { envelope, intakeEventTypes, topics } from '@mukti/contracts';
import { CONTENT_TYPE, fromKafkaMessage, headerText, notFromItsProducer, toKafkaMessage } from './cloudevents-binding';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

function consentRecorded(options: { causationId?: string; traceparent?: string } = {}) {
  const personId = randomUUID();
  const time = '2026-03-01T10:15:30.000Z';
  return envelope(
    {
      type: intakeEventTypes.consentRecorded,
      subject: personId,
      time,
      data: {
        personId,
        consentId: randomUUID(),
        scope: 'share-with-police',
        decision: 'granted',
        givenBy: 'self',
        decidedAt: time,
      },
    },
    '/mukti/intake',
    {
      actor: { id: 'staff-7', role: 'caseworker' },
      correlationId: randomUUID(),
      causationId: options.causationId,
      traceparent: options.traceparent,
    },
  );
}

/** What a consumer gets from the broker: every header value is a Buffer, so are key and value. */
function asReceived(message: ReturnType<typeof toKafkaMessage>) {
  const headers: IHeaders = Object.fromEntries(
    Object.entries(message.headers ?? {}).map(([name, value]) => [name, Buffer.from(String(value))]),
  );
  return {
    key: message.key === undefined || message.key === null ? null : Buffer.from(message.key),
    value: message.value === null ? null : Buffer.from(message.value as string),
    headers,
  };
}

function problemsOf(message: Parameters<typeof fromKafkaMessage>[0]): string[] {
  const decoded = fromKafkaMessage(message);
  if (decoded.ok) throw new Error(`expected the message to be refused, got event ${decoded.event.id}`);
  return decoded.problems;
}

describe('CloudEvents Kafka binding (binary mode)', () => {
  it('puts the attributes in ce_* headers, the payload in the value and the subject in the key', () => {
    const causationId = randomUUID();
    const event = consentRecorded({ causationId, traceparent: TRACEPARENT });
    const message = toKafkaMessage(event);

    expect(message.key).toBe(event.subject);
    expect(JSON.parse(String(message.value))).toEqual(event.data);
    expect(message.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_source: '/mukti/intake',
      ce_type: 'org.mukti.intake.consent-recorded.v1',
      ce_time: event.time,
      ce_subject: event.subject,
      'content-type': CONTENT_TYPE,
      ce_correlationid: event.correlationId,
      ce_causationid: causationId,
      ce_actorid: 'staff-7',
      ce_actorrole: 'caseworker',
      traceparent: TRACEPARENT,
    });
  });

  it('leaves out the optional causation and trace headers when the event has none', () => {
    const message = toKafkaMessage(consentRecorded());
    expect(message.headers).not.toHaveProperty('ce_causationid');
    expect(message.headers).not.toHaveProperty('traceparent');
  });

  it.each([
    ['with causation and trace context', { causationId: randomUUID(), traceparent: TRACEPARENT }],
    ['without them', {}],
  ])('decodes what it encodes, %s', (_, options) => {
    const event = consentRecorded(options);
    const decoded = fromKafkaMessage(asReceived(toKafkaMessage(event)));
    expect(decoded).toEqual({ ok: true, event });
    // Also straight from the producer-side representation (string headers, string key and value).
    const message = toKafkaMessage(event);
    expect(fromKafkaMessage({ key: message.key as string, value: message.value as string, headers: message.headers })).toEqual({
      ok: true,
      event,
    });
  });

  it('reads header values given as strings, Buffers or arrays', () => {
    expect(headerText({ a: 'text' }, 'a')).toBe('text');
    expect(headerText({ a: Buffer.from('bytes') }, 'a')).toBe('bytes');
    expect(headerText({ a: [Buffer.from('first'), Buffer.from('second')] }, 'a')).toBe('first');
    expect(headerText({}, 'a')).toBeUndefined();
    expect(headerText(undefined, 'a')).toBeUndefined();
  });

  describe('refuses a message that is not an event the platform can act on', () => {
    const received = () => asReceived(toKafkaMessage(consentRecorded({ traceparent: TRACEPARENT })));

    it.each(['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_time', 'ce_subject'])('a missing %s header', (name) => {
      const message = received();
      delete message.headers[name];
      expect(problemsOf(message)).toEqual([`header ${name}: missing`]);
    });

    it('a message with no headers at all, naming every missing one', () => {
      const problems = problemsOf({ key: 'k', value: Buffer.from('{}') });
      expect(problems).toEqual([
        'header ce_specversion: missing',
        'header ce_id: missing',
        'header ce_source: missing',
        'header ce_type: missing',
        'header ce_time: missing',
        'header ce_subject: missing',
      ]);
    });

    it('another CloudEvents spec version', () => {
      const message = received();
      message.headers['ce_specversion'] = Buffer.from('0.3');
      expect(problemsOf(message)).toEqual(['header ce_specversion: "0.3" is not 1.0']);
    });

    it('an event type missing from the catalog', () => {
      const message = received();
      message.headers['ce_type'] = Buffer.from('org.mukti.intake.person-teleported.v1');
      expect(problemsOf(message)).toEqual(['header ce_type: unknown event type "org.mukti.intake.person-teleported.v1"']);
    });

    it('a key that is not the subject', () => {
      const message = received();
      message.key = Buffer.from(randomUUID());
      expect(problemsOf(message)).toEqual(['key: differs from ce_subject']);
    });

    it('a message without a key', () => {
      const message = received();
      message.key = null;
      expect(problemsOf(message)).toEqual(['key: differs from ce_subject']);
    });

    it('a content type other than JSON', () => {
      const message = received();
      message.headers['content-type'] = Buffer.from('application/avro');
      expect(problemsOf(message)).toEqual(['header content-type: "application/avro" is not JSON']);
    });

    it('missing actor or correlation headers', () => {
      const message = received();
      delete message.headers['ce_actorid'];
      expect(problemsOf(message)).toEqual(['header ce_actorid/ce_correlationid: missing']);
    });

    it('a value that is not JSON', () => {
      const message = received();
      message.value = Buffer.from('{"personId": ');
      const problems = problemsOf(message);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^value: not JSON \(/);
    });

    it('every header problem at once, not only the first', () => {
      const message = received();
      message.headers['ce_specversion'] = Buffer.from('2.0');
      message.key = Buffer.from('someone-else');
      message.value = Buffer.from('not json');
      const problems = problemsOf(message);
      expect(problems).toHaveLength(3);
      expect(problems).toEqual(
        expect.arrayContaining(['header ce_specversion: "2.0" is not 1.0', 'key: differs from ce_subject']),
      );
    });

    it('a payload failing its schema, naming the paths', () => {
      const event = consentRecorded();
      const message = asReceived(toKafkaMessage(event));
      message.value = Buffer.from(
        JSON.stringify({ ...event.data, consentId: 'not-a-uuid', scope: 'everything', decidedAt: undefined }),
      );
      const problems = problemsOf(message);
      expect(problems.length).toBeGreaterThanOrEqual(3);
      expect(problems.every((problem) => problem.startsWith('data/'))).toBe(true);
      expect(problems.some((problem) => problem.startsWith('data/consentId:'))).toBe(true);
      expect(problems.some((problem) => problem.startsWith('data/scope:'))).toBe(true);
      expect(problems.some((problem) => problem.startsWith('data/decidedAt:'))).toBe(true);
    });


    it('a null value', () => {
      const message = received();
      message.value = null;
      expect(problemsOf(message)).toEqual([expect.stringMatching(/^data\/: /)]);
    });
  });

  it('reads a payload with a property its schema does not know (a newer producer), without that property', () => {
    const event = consentRecorded();
    const message = asReceived(toKafkaMessage(event));
    message.value = Buffer.from(JSON.stringify({ ...event.data, name: 'Asha' }));
    const decoded = fromKafkaMessage(message);
    expect(decoded).toEqual({ ok: true, event });
    expect(JSON.stringify(decoded)).not.toContain('Asha');
  });
});

describe("events that cannot have come from their topic's producer", () => {
  it('are told apart: another source, or a type that belongs on another topic; a topic the platform does not know is not judged', () => {
    const consent = intakeEventTypes.consentRecorded;
    expect(notFromItsProducer({ type: consent, source: '/mukti/intake' }, topics.intakeEvents)).toBeUndefined();
    expect(notFromItsProducer({ type: consent, source: '/mukti/legal' }, topics.intakeEvents)).toBe(
      'ce_source "/mukti/legal" is not /mukti/intake, the producer of mukti.intake.events.v1',
    );
    expect(notFromItsProducer({ type: consent, source: '/mukti/legal' }, topics.legalEvents)).toBe(
      'ce_type "org.mukti.intake.consent-recorded.v1" does not belong on mukti.legal.events.v1',
    );
    expect(notFromItsProducer({ type: consent, source: '/anyone' }, 'test-topic-of-its-own')).toBeUndefined();
  });
});
