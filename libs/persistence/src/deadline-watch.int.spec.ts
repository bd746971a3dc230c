/**
 * The deadline watch against the real store: what it acts on and when, what it drops, and that
 * a sweep reads by equality on the indexed day (a range filter scans every open deadline on
 * FerretDB, every minute, whatever is due).
 */
import { CommandStartedEvent, Db, MongoClient } from 'mongodb';
import { DomainError } from '@mukti/decider';
import { ManualClock, testLogger, uniqueDatabaseUri } from '@mukti/testing';
import { Deadline, DeadlineWatch } from './deadline-watch';

const DAY = 86_400_000;
let client: MongoClient;
let db: Db;
const filters: object[] = [];

beforeAll(async () => {
  client = await MongoClient.connect(uniqueDatabaseUri('deadlines'), { monitorCommands: true });
  client.on('commandStarted', (event: CommandStartedEvent) => {
    if (event.commandName === 'find') filters.push(event.command['filter']);
  });
  db = client.db();
});

afterAll(async () => {
  await db.dropDatabase();
  await client.close();
});

function watchOf(name: string, clock: ManualClock, onDue: (deadline: Deadline) => Promise<void>) {
  const acted: string[] = [];
  const watch = new DeadlineWatch(db.collection(name), {
    clock,
    logger: testLogger(),
    everyMs: 3_600_000,
    onDue: async (deadline) => {
      await onDue(deadline);
      acted.push(deadline._id);
    },
  });
  return { watch, acted };
}

it('acts on each deadline once it has passed, once, and not on one moved later or cancelled', async () => {
  const clock = new ManualClock('2026-03-01T12:00:00.000Z');
  const { watch, acted } = watchOf('acts', clock, async () => undefined);
  await watch.onApplicationBootstrap();
  try {
    await watch.schedule('step-a', '2026-03-02T10:00:00.000Z', { personId: 'a' });
    await watch.schedule('step-b', '2026-03-02T10:00:00.000Z', { personId: 'b' });
    await watch.schedule('step-c', '2026-03-03T10:00:00.000Z', { personId: 'c' });
    await watch.schedule('step-d', '2026-03-02T09:00:00.000Z', { personId: 'd' });
    await watch.schedule('step-b', '2026-03-09T10:00:00.000Z', { personId: 'b' });
    await watch.cancel('step-d');
    expect(await watch.sweep()).toBe(0);

    clock.set('2026-03-02T11:00:00.000Z');
    expect(await watch.sweep()).toBe(1);
    expect(await watch.sweep()).toBe(0);
    expect(acted).toEqual(['step-a']);

    clock.set('2026-03-20T00:00:00.000Z');
    expect(await watch.sweep()).toBe(2);
    expect(acted.sort()).toEqual(['step-a', 'step-b', 'step-c']);
    expect(await db.collection('acts').countDocuments()).toBe(0);
    expect(watch.stats()).toMatchObject({ acted: 3, dropped: 0, failures: 0, overdue: 0 });
  } finally {
    await watch.beforeApplicationShutdown();
  }
});

it('finds the deadlines due by their day, by equality: after the start-up read no sweep reads a range or the whole collection', async () => {
  const clock = new ManualClock('2026-05-01T12:00:00.000Z');
  const { watch, acted } = watchOf('by_day', clock, async () => undefined);
  await watch.onApplicationBootstrap();
  try {
    for (let index = 0; index < 30; index += 1) await watch.schedule(`later-${index}`, new Date(Date.parse('2026-06-01T00:00:00.000Z') + index * DAY), { personId: `p${index}` });
    await watch.schedule('soon', '2026-05-01T13:00:00.000Z', { personId: 'soon' });
    await watch.sweep();
    filters.length = 0;
    clock.set('2026-05-01T14:00:00.000Z');
    expect(await watch.sweep()).toBe(1);
    expect(acted).toEqual(['soon']);
    expect(filters).toEqual([{ dueDay: '2026-05-01' }]);
    const indexes = await db.collection('by_day').indexes();
    expect(indexes.map((index) => index.key)).toContainEqual({ dueDay: 1 });
  } finally {
    await watch.beforeApplicationShutdown();
  }
});

it('acts on a deadline scheduled in the past, after the days before today were swept', async () => {
  const clock = new ManualClock('2026-07-10T12:00:00.000Z');
  const { watch, acted } = watchOf('past', clock, async () => undefined);
  await watch.onApplicationBootstrap();
  try {
    await watch.sweep();
    // A follow-up schedule that starts in the past: its first deadline passed a week ago.
    await watch.schedule('late', '2026-07-03T08:00:00.000Z', { personId: 'late' });
    expect(await watch.sweep()).toBe(1);
    expect(acted).toEqual(['late']);
  } finally {
    await watch.beforeApplicationShutdown();
  }
});

it('drops a deadline its record refuses for good, with a count; tries one that failed for a passing reason again', async () => {
  const clock = new ManualClock('2026-08-01T12:00:00.000Z');
  let storeDown = true;
  const { watch, acted } = watchOf('refused', clock, async (deadline) => {
    if (deadline._id === 'no-plan') throw DomainError.notFound('person x has no care plan; open one first');
    if (storeDown) throw new Error('connection reset');
  });
  await watch.onApplicationBootstrap();
  try {
    await watch.schedule('no-plan', '2026-08-01T10:00:00.000Z', { personId: 'x' });
    await watch.schedule('flaky', '2026-07-30T10:00:00.000Z', { personId: 'y' });
    expect(await watch.sweep()).toBe(0);
    expect(watch.stats()).toMatchObject({ acted: 0, dropped: 1, failures: 1, overdue: 1 });
    expect((await db.collection('refused').find().toArray()).map((deadline) => deadline._id)).toEqual(['flaky']);

    clock.advance(DAY);
    storeDown = false;
    expect(await watch.sweep()).toBe(1);
    expect(acted).toEqual(['flaky']);
    expect(watch.stats()).toMatchObject({ acted: 1, dropped: 1, failures: 1, overdue: 0 });
  } finally {
    await watch.beforeApplicationShutdown();
  }
});

it('finds at start-up the deadlines stored before they had a day, and gives them one', async () => {
  const clock = new ManualClock('2026-09-15T12:00:00.000Z');
  await db.collection('stored_before').insertMany([
    { _id: 'old-passed', dueAt: new Date('2026-09-01T00:00:00.000Z'), details: { personId: 'o' } },
    { _id: 'old-ahead', dueAt: new Date('2026-10-01T00:00:00.000Z'), details: { personId: 'p' } },
  ] as never[]);
  const { watch, acted } = watchOf('stored_before', clock, async () => undefined);
  await watch.onApplicationBootstrap();
  try {
    expect(await watch.sweep()).toBe(1);
    expect(acted).toEqual(['old-passed']);
    expect(await db.collection('stored_before').findOne({ _id: 'old-ahead' as never })).toMatchObject({ dueDay: '2026-10-01' });
    clock.set('2026-10-01T01:00:00.000Z');
    expect(await watch.sweep()).toBe(1);
    expect(acted).toEqual(['old-passed', 'old-ahead']);
  } finally {
    await watch.beforeApplicationShutdown();
  }
});

it('reads the day of a deadline left failing, and today, not every day in between, on each sweep after', async () => {
  const clock = new ManualClock('2026-10-20T12:00:00.000Z');
  const { watch } = watchOf('left_failing', clock, async () => {
    throw new Error('connection reset');
  });
  await watch.onApplicationBootstrap();
  try {
    await watch.schedule('long-ago', '2026-07-12T08:00:00.000Z', { personId: 'x' });
    await watch.sweep();
    filters.length = 0;
    clock.advance(60_000);
    await watch.sweep();
    expect(filters).toEqual([{ dueDay: '2026-07-12' }, { dueDay: '2026-10-20' }]);
    expect(watch.stats()).toMatchObject({ overdue: 1 });
  } finally {
    await watch.beforeApplicationShutdown();
  }
});
