import { MongoClient } from 'mongodb';
import { uniqueDatabaseUri } from '@mukti/testing';
import { changeFenced, Fenced, fencedCollection } from './fenced-change';
import { ABANDONED_CLAIM_MS } from './version-claims';

/**
 * changeFenced on the test store (FerretDB, whose conditional update is a read, then a write):
 * many writers changing one document at once lose nothing, and a writer that claimed a revision
 * and died before writing it holds no one up for good.
 */
const uri = uniqueDatabaseUri('fenced');
let mongo: MongoClient;

beforeAll(async () => {
  mongo = await MongoClient.connect(uri);
});
afterAll(async () => {
  await mongo.db().dropDatabase();
  await mongo.close();
});

interface Tally extends Fenced {
  seen: string[];
}
const adding = (writer: string) => (current: Tally | null) => (current?.seen.includes(writer) ? undefined : { _id: 'tally', seen: [...(current?.seen ?? []), writer] });

describe('a fenced change on the real store', () => {
  it('loses no change when twenty writers change one document at the same moment', async () => {
    const fenced = fencedCollection(mongo.db(), 'tallies');
    await changeFenced<Tally>(fenced, 'tally', adding('first'));
    const writers = Array.from({ length: 20 }, (_, index) => `writer-${index}`);
    await Promise.all(writers.map((writer) => changeFenced<Tally>(fenced, 'tally', adding(writer))));
    const tally = (await fenced.documents.findOne({ _id: 'tally' as never })) as unknown as Tally;
    expect([...tally.seen].sort()).toEqual(['first', ...writers].sort());
    expect(tally.revision).toBe(21);
    // Every claim is cleared but the last one's (which the next writer clears).
    expect(await fenced.claims.countDocuments({})).toBeLessThanOrEqual(1);
  });

  it("completes a revision whose writer claimed it and died, then makes its own change on it", async () => {
    const fenced = fencedCollection(mongo.db(), 'abandoned');
    await changeFenced<Tally>(fenced, 'tally', adding('first'));
    // A writer claimed revision 2 over a minute ago and never wrote it.
    await fenced.claims.insertOne({ _id: 'tally@2' as never, next: { _id: 'tally', seen: ['first', 'died-after-claiming'], revision: 2 }, at: new Date(Date.now() - ABANDONED_CLAIM_MS - 60_000) });
    await changeFenced<Tally>(fenced, 'tally', adding('next'));
    const tally = (await fenced.documents.findOne({ _id: 'tally' as never })) as unknown as Tally;
    expect(tally).toMatchObject({ seen: ['first', 'died-after-claiming', 'next'], revision: 3 });
  });
});
