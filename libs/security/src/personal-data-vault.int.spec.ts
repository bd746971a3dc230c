import { randomBytes, randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { uniqueDatabaseUri } from '@mukti/testing';
import { PersonalDataVault } from './personal-data-vault';

const uri = uniqueDatabaseUri('vault');
let mongo: MongoClient;
let vault: PersonalDataVault;

beforeAll(async () => {
  mongo = await MongoClient.connect(uri);
  vault = new PersonalDataVault(mongo.db().collection('data_keys'), randomBytes(32));
});

afterAll(async () => {
  await mongo.db().dropDatabase();
  await mongo.close();
});

describe('the personal-data vault on a real store', () => {
  it('opens what it sealed, and refuses a sealed value whose authentication tag was cut short', async () => {
    const personId = randomUUID();
    await vault.ensureKey(personId);
    const sealed = await vault.seal(personId, { name: 'Rani Das' });
    expect(await vault.open(sealed)).toEqual({ name: 'Rani Das' });
    // A 4-byte tag would take about 2^32 tries to forge, not 2^128: it must not be accepted at all.
    const truncated = { ...sealed, authTag: Buffer.from(sealed.authTag, 'base64').subarray(0, 4).toString('base64') };
    await expect(vault.open(truncated)).rejects.toThrow();
  });
});
