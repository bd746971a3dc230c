import { randomUUID } from 'node:crypto';
import { reactionEventId } from './envelope';

describe("a reaction's event ids", () => {
  const cause = randomUUID();
  const aggregate = randomUUID();

  it('are the same however often the same cause is handled', () => {
    expect(reactionEventId(cause, aggregate, 0)).toBe(reactionEventId(cause, aggregate, 0));
    expect(reactionEventId(cause, aggregate, 0, 'her|share-with-police')).toBe(reactionEventId(cause, aggregate, 0, 'her|share-with-police'));
  });

  it('differ for two decisions from one cause on one aggregate, each about something else', () => {
    const ids = new Set([reactionEventId(cause, aggregate, 0), reactionEventId(cause, aggregate, 0, 'a'), reactionEventId(cause, aggregate, 0, 'b'), reactionEventId(cause, aggregate, 1, 'a')]);
    expect(ids.size).toBe(4);
  });

  it('keep, without what a decision is about, the ids events were given before it could be named', () => {
    // The id the formula gave before decisions could be named (computed then): a rebuild decides the events stored before the same.
    expect(reactionEventId('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 0)).toBe('8bbeb7dd-9193-540a-a6e5-e31652bb27a7');
  });
});
