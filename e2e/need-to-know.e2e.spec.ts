/**
 * Need-to-know on every door (rule 7), generated from the staff API's OpenAPI document: for every
 * operation with the id of a record with a team in its path or its body, and every role the one
 * table lets call it,
 * - the role's member on the team (A) is not hidden from the record (any answer but a 404);
 * - the same role's member on no team of A's (B) gets a 404, word for word the one for a random
 *   id, and naming A's person, case, perpetrator or household in a body of her own answers as
 *   naming a random id: no existence oracle;
 * - an admin without X-Access-Reason gets 403, with one no 404;
 * - every 2xx leaves a `succeeded` record on the audit trail naming her (and the record it opened).
 * Two worlds are seeded through the API as staff would, one of each record with its team, one
 * for A's staff and one for B's; the matrix runs on them, reads first, erasures last. A new
 * operation is covered the day it is in the document; one the suite cannot build a request for
 * fails it, naming the operation (request-matrix.ts: the exclusions, each with its reason).
 */
import { randomUUID } from 'node:crypto';
import { staffRoles, type StaffRole } from '@mukti/contracts';
import { recordOpenedBy } from '@mukti/staff-api';
import { bearer, eventually, healthDetailsOf, testInfrastructure, uniqueName } from '@mukti/testing';
import { Platform, startPlatform } from '../tools/run/service-processes.cjs';
import { MatrixOperation, OpenApiDocument, RequestBuilder, withValue, World } from './need-to-know/request-matrix';

jest.setTimeout(300_000);

const databasePrefix = uniqueName('e2e-ntk');
const consumers = ['projection', 'audit', 'rescue', 'rehabilitation', 'legal', 'livelihood'] as const;
const REASON = 'audit';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
let platform: Platform;
/** How long each stage took (s), printed with the matrix. */
const took: Record<string, string> = {};
const since = (start: number) => ((Date.now() - start) / 1000).toFixed(1);

beforeAll(async () => {
  const start = Date.now();
  platform = await startPlatform({
    kafkaBrokers: testInfrastructure.kafkaBrokers.join(','),
    mongodbUri: testInfrastructure.mongodbUri,
    databasePrefix,
    // The document is what the matrix is made of: served whatever the environment says.
    extra: { GATEWAY_API_DOCS: 'true', RATE_LIMIT_PER_USER: '1000000', RATE_LIMIT_PER_ADDRESS: '1000000', LOG_LEVEL: 'warn' },
  });
  // New consumer groups replay what earlier suites left on the shared topics: start once caught up.
  took['start'] = since(start);
  await Promise.all(consumers.map((name) => waitUntilCaughtUp(name)));
  took['catch up'] = since(start);
});

afterAll(async () => {
  await platform?.stop({ kill: true });
  await platform?.dropDatabases();
});

async function waitUntilCaughtUp(name: (typeof consumers)[number]): Promise<void> {
  await eventually(async () => expect((await healthDetailsOf(platform.url(name))).checks?.kafka?.lag?.total).toBe(0), 120_000, 250);
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly requestId: string;
}

/** One request through the gateway, with an id of our own to find it on the audit trail. */
async function call(token: string, method: string, path: string, body?: unknown, reason?: string): Promise<Answer> {
  const requestId = randomUUID();
  const response = await fetch(`${platform.gatewayUrl}${path}`, {
    method,
    headers: {
      authorization: token,
      'x-request-id': requestId,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(reason ? { 'x-access-reason': reason } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: compared as text
  }
  return { status: response.status, body: parsed, requestId: response.headers.get('x-request-id') ?? requestId };
}

async function expectStatus(answer: Promise<Answer>, status: number, what: string): Promise<Record<string, unknown>> {
  const { status: got, body } = await answer;
  if (got !== status) throw new Error(`${what}: ${got} ${JSON.stringify(body)}`);
  return body as Record<string, unknown>;
}

const teamRoles = staffRoles.filter((role): role is Exclude<StaffRole, 'admin' | 'analyst'> => role !== 'admin' && role !== 'analyst');
type TeamRole = (typeof teamRoles)[number];
const tokens: Record<'a' | 'b', Record<TeamRole, string>> = { a: {} as Record<TeamRole, string>, b: {} as Record<TeamRole, string> };
let admin: string;

/**
 * One of each record with its team, as staff make them: her (registered by the caseworker, her
 * case team every role, consent to be named to police and courts), a rescue operation that
 * rescued her, a case whose FIR names her and two perpetrators, her household (with her sister,
 * at risk) and its prevention plan, her care plan, a skill training and a placement.
 */
async function seedWorld(suffix: 'a' | 'b'): Promise<World> {
  const as = tokens[suffix];
  const hourAgo = new Date(Date.now() - 3600_000).toISOString();
  const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600_000).toISOString();
  const place = { state: 'Maharashtra', district: 'Mumbai City' };
  const person = (
    await expectStatus(
      call(as.caseworker, 'POST', '/api/v1/people', { role: 'survivor', name: `Sita ${suffix} ${databasePrefix}`, gender: 'female', age: 24, referralSource: 'ngo' }),
      201,
      'register her',
    )
  ).id as string;
  const assignments: Array<[string, string]> = [
    ...teamRoles.filter((role) => role !== 'caseworker').map((role): [string, string] => [`${role}-${suffix}`, role]),
    // A member only the unassignment row takes off her team again.
    [`spare-${suffix}`, 'counsellor'],
  ];
  for (const [staffId, staffRole] of assignments) {
    await expectStatus(call(as.caseworker, 'POST', `/api/v1/people/${person}/assignments`, { staffId, staffRole }), 204, `assign ${staffId}`);
  }
  for (const scope of ['share-with-police', 'share-with-courts']) {
    await expectStatus(call(as.caseworker, 'POST', `/api/v1/people/${person}/consents`, { scope, decision: 'granted' }), 201, `consent ${scope}`);
  }

  const rescue = async () => {
    const operation = (
      await expectStatus(
        call(as['rescue-coordinator'], 'POST', '/api/v1/rescue-operations', {
          kind: 'raid-on-information',
          place: { ...place, kindOfPlace: 'brothel' },
          agencies: ['anti-human-trafficking-unit', 'ngo'],
          legalBasis: 'itpa-s15',
          leadOfficer: 'Inspector, AHTU Mumbai',
          plannedFor: daysAgo(1),
        }),
        201,
        'plan the operation',
      )
    ).id as string;
    // The rescue service learns her case team from intake's events.
    await eventually(() =>
      expectStatus(
        call(as['rescue-coordinator'], 'POST', `/api/v1/rescue-operations/${operation}/rescue`, {
          carriedOutAt: hourAgo,
          searchWitnesses: { total: 2, women: 1 },
          persons: [{ personId: person, policeRecordedAs: 'victim', ageAtRescue: 24 }],
        }),
        204,
        'rescue her',
      ),
    30_000, 200);
    return operation;
  };
  const prosecution = async () => {
    const profile = async (name: string) =>
      (
        await expectStatus(
          call(as['legal-officer'], 'POST', '/api/v1/perpetrators', { category: 'brothel-keeper', name: `${name} ${suffix}`, knownPlaces: [place] }),
          201,
          'profile a perpetrator',
        )
      ).id as string;
    const perpetrators = [await profile('Shankar Bhau'), await profile('Mahesh Lodge')];
    const caseId = await eventually(
      async () =>
        (
          await expectStatus(
            call(as['legal-officer'], 'POST', '/api/v1/cases', {
              fir: { policeStation: 'Kamathipura', ...place, number: `78/${suffix}`, registeredAt: daysAgo(3) },
              sections: [{ act: 'itpa', section: '5' }],
              victimIds: [person],
              accusedIds: perpetrators,
              mainAccusedId: perpetrators[0],
            }),
            201,
            'register the FIR',
          )
        ).id as string,
      30_000,
      200,
    );
    return { caseId, perpetrator: perpetrators[0]! };
  };
  const prevention = async () => {
    // A prevention plan follows people at risk: her younger sister, on the same case team.
    const sister = (
      await expectStatus(
        call(as.caseworker, 'POST', '/api/v1/people', { role: 'at-risk', name: `Puja ${suffix} ${databasePrefix}`, gender: 'female', age: 19, referralSource: 'community' }),
        201,
        'register her sister',
      )
    ).id as string;
    await expectStatus(call(as.caseworker, 'POST', `/api/v1/people/${sister}/assignments`, { staffId: `livelihood-officer-${suffix}`, staffRole: 'livelihood-officer' }), 204, 'assign the sister');
    const household = (
      await expectStatus(
        call(as.caseworker, 'POST', '/api/v1/households', { place: { ...place, villageOrWard: 'Kamathipura' }, memberIds: [person, sister] }),
        201,
        'register her household',
      )
    ).id as string;
    const plan = await eventually(
      async () => (await expectStatus(call(as['livelihood-officer'], 'POST', '/api/v1/prevention-plans', { householdId: household }), 201, 'open the prevention plan')).id as string,
      30_000,
      200,
    );
    return { household, plan, sister };
  };
  const care = async () => {
    // Her care plan's livelihood goal opens her livelihood plan.
    await eventually(
      () => expectStatus(call(as.caseworker, 'POST', `/api/v1/people/${person}/care-plan`, { goals: ['safety', 'livelihood'], openedAt: hourAgo }), 204, 'open her care plan'),
      30_000,
      200,
    );
    const training = await eventually(
      async () =>
        (
          await expectStatus(
            call(as['livelihood-officer'], 'POST', `/api/v1/people/${person}/skill-trainings`, {
              trade: 'Tailoring',
              provider: 'Jan Shikshan Sansthan',
              skillLevel: 'semi-skilled',
              startedAt: daysAgo(30),
            }),
            201,
            'start her skill training',
          )
        ).id as string,
      30_000,
      200,
    );
    const placement = (
      await expectStatus(
        call(as['livelihood-officer'], 'POST', `/api/v1/people/${person}/placements`, {
          kind: 'wage-employment',
          employerOrEnterprise: 'Sonar Tailoring Unit',
          sector: 'garments-and-tailoring',
          skillLevel: 'semi-skilled',
          state: 'West Bengal',
          startedAt: daysAgo(2),
          monthlyIncomeInr: 15000,
        }),
        201,
        'place her',
      )
    ).id as string;
    return { training, placement };
  };
  const [operation, { caseId, perpetrator }, { household, plan, sister }, { training, placement }] = await Promise.all([rescue(), prosecution(), prevention(), care()]);
  return {
    staffSuffix: suffix,
    people: [person, sister],
    person,
    'rescue-operation': operation,
    case: caseId,
    perpetrator,
    household,
    'prevention-plan': plan,
    'skill-training': training,
    placement,
  };
}

let document: OpenApiDocument;
const worlds = {} as Record<'a' | 'b', World>;

it('seeds one of each record with its team, for A and for B, through the API', async () => {
  for (const suffix of ['a', 'b'] as const) {
    for (const role of teamRoles) tokens[suffix][role] = await bearer(role, `${role}-${suffix}`);
  }
  admin = await bearer('admin', 'admin-a');
  const start = Date.now();
  const served = await fetch(`${platform.gatewayUrl}/api/docs-json`);
  expect(served.status).toBe(200);
  document = (await served.json()) as OpenApiDocument;
  [worlds.a, worlds.b] = await Promise.all([seedWorld('a'), seedWorld('b')]);
  // Every service knows every team before the matrix asks: the events have all been handled.
  await Promise.all(consumers.map((name) => waitUntilCaughtUp(name)));
  for (const role of teamRoles) {
    await eventually(() => expectStatus(call(tokens.a[role], 'GET', `/api/v1/people/${worlds.a.person}/timeline`), 200, `her timeline for ${role}`), 30_000, 200);
  }
  took['seed'] = since(start);
});

/** An answer as a caller sees it, ids and the request's own id aside: what must not differ between a record hidden and none. */
function comparable(answer: Answer): string {
  const { requestId: _requestId, ...body } = (answer.body && typeof answer.body === 'object' ? answer.body : { text: answer.body }) as Record<string, unknown>;
  return JSON.stringify({ status: answer.status, body }).replace(UUID, '<id>');
}
/** Runs fn on every item, at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}
const shown = (answer: Answer) => `${answer.status} ${(JSON.stringify(answer.body) ?? '(no body)').slice(0, 300)}`;

interface AuditExpectation {
  readonly row: string;
  readonly requestId: string;
  readonly personId?: string;
  readonly recordId?: string;
}

it('walks every id-bearing operation in the document for every role: A not hidden, B the 404 of nothing, admins only with a reason, every 2xx on the trail', async () => {
  const builder = new RequestBuilder(document);
  const { operations, withoutIds, problems } = builder.derive();
  const failures: string[] = [...problems];
  const audits: AuditExpectation[] = [];
  let checks = 0;
  const check = (row: string, passed: boolean, what: string) => {
    checks += 1;
    if (!passed) failures.push(`${row}: ${what}`);
  };

  const a = worlds.a;
  /** Whom a 2xx must name on the trail: each of A's people its request names or its answer shows, and the record its path opens. */
  const expectTrail = (row: string, operation: MatrixOperation, answer: Answer, request: ReturnType<RequestBuilder['requestFor']>) => {
    if (answer.status < 200 || answer.status >= 300) return;
    const said = JSON.stringify([request.path, request.body ?? {}, operation.method === 'GET' ? answer.body : {}]);
    const people = a.people.filter((personId) => said.includes(personId));
    const opened = recordOpenedBy(operation.endpoint, request.parameters);
    if (people.length === 0 && !opened) {
      check(row, false, `answered ${answer.status} but names neither her nor a record with a team: nothing to put on the trail`);
      return;
    }
    for (const personId of people) audits.push({ row, requestId: answer.requestId, personId });
    if (opened) audits.push({ row, requestId: answer.requestId, recordId: opened.id });
  };

  type Built = { operation: MatrixOperation; onA: ReturnType<RequestBuilder['requestFor']>; onB: ReturnType<RequestBuilder['requestFor']> };
  const built: Built[] = [];
  for (const operation of operations) {
    try {
      built.push({ operation, onA: builder.requestFor(operation, a), onB: builder.requestFor(operation, worlds.b) });
    } catch (error) {
      failures.push(`${operation.key}: cannot build a request: ${(error as Error).message}`);
    }
  }
  const rows = operations.reduce((sum, operation) => sum + operation.roles.length, 0);
  const start = Date.now();

  /** What must refuse: B off the team, B naming A's records in a body, an admin without a reason. Nothing of it changes anything. */
  const refusals = async ({ operation, onA, onB }: Built) => {
    const recordIdsInPath = operation.pathParameters.filter((parameter) => parameter !== 'staffId');
    const randomPath = operation.path.replace(/\{(\w+)\}/g, (_, parameter: string) => (parameter === 'staffId' ? `spare-${a.staffSuffix}` : randomUUID()));
    await Promise.all(
      operation.roles.map(async (role) => {
        const row = `${operation.key} as ${role}`;
        if (role === 'admin') {
          const [unstated, unstatedNowhere] = await Promise.all([call(admin, operation.method, onA.path, onA.body), call(admin, operation.method, randomPath, onA.body)]);
          check(row, unstated.status === 403, `an admin without a reason got ${shown(unstated)}, not 403`);
          // Nor is an admin without a reason told what exists.
          check(row, comparable(unstated) === comparable(unstatedNowhere), `an admin without a reason got ${shown(unstated)} for A's record, ${shown(unstatedNowhere)} for a random id`);
          return;
        }
        const b = tokens.b[role as TeamRole];
        if (recordIdsInPath.length > 0) {
          const [hidden, nowhere] = await Promise.all([call(b, operation.method, onA.path, onA.body), call(b, operation.method, randomPath, onA.body)]);
          check(row, hidden.status === 404, `B (not on the team) got ${shown(hidden)}, not 404`);
          check(row, comparable(hidden) === comparable(nowhere), `B's answer for A's record (${shown(hidden)}) is not the one for a random id (${shown(nowhere)})`);
        }
        for (const field of operation.idFields) {
          const [named, nowhere] = await Promise.all([
            call(b, operation.method, onB.path, withValue(onB.body ?? {}, field.path, a[field.kind])),
            call(b, operation.method, onB.path, withValue(onB.body ?? {}, field.path, randomUUID())),
          ]);
          check(`${row}, ${field.path}`, named.status < 200 || named.status >= 300, `B naming A's ${field.kind} in ${field.path} was carried out (${shown(named)})`);
          check(
            `${row}, ${field.path}`,
            comparable(named) === comparable(nowhere),
            `B naming A's ${field.kind} (${shown(named)}) is not answered as naming a random id (${shown(nowhere)})`,
          );
        }
      }),
    );
  };

  /** The team's own (A, and an admin with a reason), one role after the other: these change things. */
  const teamCalls = async ({ operation, onA }: Built) => {
    for (const role of operation.roles) {
      const row = `${operation.key} as ${role}`;
      const answer = role === 'admin' ? await call(admin, operation.method, onA.path, onA.body, REASON) : await call(tokens.a[role as TeamRole], operation.method, onA.path, onA.body);
      const who = role === 'admin' ? 'an admin with a reason' : 'A (on the team)';
      check(row, ![400, 401, 403, 404].includes(answer.status), `${who} got ${shown(answer)}${answer.status === 400 ? ' (the request built from the document is not valid)' : ''}`);
      expectTrail(row, operation, answer, onA);
    }
  };

  // Refusals first, for every operation, a few at a time.
  await inParallel(built, 6, refusals);
  took['refusals'] = since(start);
  // The team's commands in the matrix's order (reads, commands, removals, closures) within each
  // part of the API (its OpenAPI tag: one service's records), the parts side by side; erasures last, hers the very last.
  const erasures = built.filter(({ operation }) => operation.path.endsWith('/erasure'));
  const parts = new Map<string, Built[]>();
  for (const item of built.filter((item) => !erasures.includes(item))) parts.set(item.operation.tag, [...(parts.get(item.operation.tag) ?? []), item]);
  await Promise.all([...parts.values()].map(async (part) => {
    for (const item of part) await teamCalls(item);
  }));
  for (const item of erasures) await teamCalls(item);
  took['matrix'] = since(start);
  // The audit trail is written as the requests go, and read from the audit service's copy: poll.
  const trailOf = async (query: string): Promise<Set<string>> => {
    const seen = new Set<string>();
    for (let page = 1; ; page += 1) {
      const body = await expectStatus(call(admin, 'GET', `/api/v1/audit?${query}&page=${page}&pageSize=200`, undefined, REASON), 200, `the trail of ${query}`);
      const records = body.records as Array<{ requestId: string; outcome: string }>;
      for (const record of records) if (record.outcome === 'succeeded') seen.add(record.requestId);
      if (records.length < 200) return seen;
    }
  };
  const subjects = [...new Set(audits.map((audit) => (audit.personId ? `personId=${audit.personId}` : `recordId=${audit.recordId}`)))];
  // Until the trail has been read, every expectation is unmet: a trail that cannot be read fails them all.
  let missing: AuditExpectation[] = audits;
  await eventually(
    async () => {
      const trails = new Map(await Promise.all(subjects.map(async (subject) => [subject, await trailOf(subject)] as const)));
      missing = audits.filter((audit) => !trails.get(audit.personId ? `personId=${audit.personId}` : `recordId=${audit.recordId}`)!.has(audit.requestId));
      expect(missing).toEqual([]);
    },
    // The audit service writes each record into its partition's hash chain as it reads the topic:
    // on a loaded 2-core machine that took over 30 s for the matrix's 143 requests.
    120_000,
    500,
  ).catch(() => undefined);
  checks += audits.length;
  took['trail'] = since(start);
  for (const audit of missing) failures.push(`${audit.row}: its 2xx left no 'succeeded' record on the trail of ${audit.personId ? `the person ${audit.personId}` : `the record ${audit.recordId}`}`);

  console.log(
    [
      `need-to-know matrix: ${operations.length} operations × their roles = ${rows} rows, ${checks} checks (${audits.length} of them on the audit trail)`,
      `  took (s, cumulative within each step): ${Object.entries(took).map(([step, seconds]) => `${step} ${seconds}`).join(', ')}`,
      `  covered: ${operations.map((operation) => `${operation.name} [${operation.roles.join(', ')}]`).join('; ')}`,
      `  without ids (not doors): ${withoutIds.join('; ')}`,
    ].join('\n'),
  );
  expect(failures).toEqual([]);
});
