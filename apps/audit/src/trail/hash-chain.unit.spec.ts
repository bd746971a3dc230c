import { ChainedRecord, describeBreak, firstBreak, genesisHash, hashOf, link } from './hash-chain';

const record = (n: number): Record<string, unknown> => ({ id: `record-${n}`, staffId: 'staff-1', action: 'readPerson', outcome: 'succeeded', at: `2026-12-02T10:00:0${n}.000Z` });

function chainOf(count: number, partition = 0): ChainedRecord[] {
  const chain: ChainedRecord[] = [];
  for (let n = 1; n <= count; n += 1) chain.push(link(record(n), partition, chain.at(-1)));
  return chain;
}

async function* streamOf(records: ChainedRecord[]) {
  yield* records;
}

const headOf = (chain: ChainedRecord[]) => ({ seq: chain.at(-1)!.seq, hash: chain.at(-1)!.hash });

describe('the audit trail hash chain', () => {
  it('starts each partition from the genesis hash and links each record to the one before', () => {
    const [first, second] = chainOf(2);
    expect(first).toMatchObject({ seq: 1, previousHash: genesisHash, partition: 0 });
    expect(second).toMatchObject({ seq: 2, previousHash: first!.hash });
    expect(first!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes a record the same whatever the order of its keys, and ignores the store id', () => {
    const [linked] = chainOf(1);
    const reordered = Object.fromEntries(Object.entries(linked!).reverse());
    expect(hashOf({ ...reordered, _id: 'whatever' })).toBe(linked!.hash);
  });

  it('finds a whole chain whole', async () => {
    const chain = chainOf(5);
    await expect(firstBreak(streamOf(chain), headOf(chain))).resolves.toEqual({ checked: 5 });
  });

  it('finds a record changed after it was written', async () => {
    const chain = chainOf(5);
    chain[2] = { ...chain[2]!, staffId: 'someone-else' };
    const { found } = await firstBreak(streamOf(chain), headOf(chain));
    expect(found).toEqual({ kind: 'altered', seq: 3, id: 'record-3' });
    expect(describeBreak(0, found!)).toBe('partition 0: record 3 (record-3) does not match its hash: it was changed after it was written');
  });

  it('finds a record deleted from the middle', async () => {
    const chain = chainOf(5);
    const head = headOf(chain);
    chain.splice(1, 1);
    await expect(firstBreak(streamOf(chain), head)).resolves.toEqual({ checked: 1, found: { kind: 'missing', seq: 2 } });
  });

  it('finds a record rewritten with a fresh hash that no longer follows the one before', async () => {
    const chain = chainOf(3);
    const forged = { ...chain[1]!, staffId: 'someone-else', previousHash: genesisHash };
    chain[1] = { ...forged, hash: hashOf(forged) };
    await expect(firstBreak(streamOf(chain), headOf(chain))).resolves.toMatchObject({ found: { kind: 'relinked', seq: 2 } });
  });

  it('finds a tail deleted behind the head', async () => {
    const chain = chainOf(5);
    const head = headOf(chain);
    await expect(firstBreak(streamOf(chain.slice(0, 3)), head)).resolves.toEqual({ checked: 3, found: { kind: 'truncated', lastSeq: 3, headSeq: 5 } });
  });

  it('accepts a head one behind the last record: a writer stopped between its two writes, and its next append moves it on', async () => {
    const chain = chainOf(4);
    await expect(firstBreak(streamOf(chain), headOf(chain.slice(0, 3)))).resolves.toEqual({ checked: 4 });
  });
});
