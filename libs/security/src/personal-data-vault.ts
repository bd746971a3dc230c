import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Collection, Document } from 'mongodb';
import type { IdentifyingTextKind, SealedPersonalData } from '@mukti/contracts';

const ALGORITHM = 'aes-256-gcm';

/**
 * What a sealed value is: her identity (intake's); text that identifies her, sealed by intake
 * with her key for the service that records it (counselling notes, the shelter she stays in, her
 * employer); a household's village or ward (intake's key of the household); a perpetrator's
 * identity, training participants' names or an FIR's number and police station (the legal
 * service's own keys, of the perpetrator, the session or the case: intake does not hold them).
 */
export type SealingPurpose =
  | 'personal-data'
  | IdentifyingTextKind
  | 'household-place'
  | 'perpetrator-data'
  | 'training-participants'
  | 'fir-details';

interface StoredDataKey {
  _id: string;
  /** The person's data key, itself encrypted with the master key. */
  wrapped: string;
  iv: string;
  authTag: string;
  createdAt: Date;
}

function encrypt(key: Buffer, plaintext: Buffer, associatedData: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(associatedData));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), authTag: cipher.getAuthTag().toString('base64') };
}

function decrypt(key: Buffer, sealed: { iv: string; ciphertext: string; authTag: string }, associatedData: string): Buffer {
  // A 16-byte tag only: GCM would otherwise accept a truncated tag, which is far easier to forge.
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'), { authTagLength: 16 });
  decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(Buffer.from(sealed.authTag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
}

export function parseMasterKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  return key;
}

/**
 * Envelope encryption of personal data with one data key per person (AES-256-GCM), each data
 * key wrapped by the master key and kept only in the database of the service that holds the
 * keys: intake for survivors and people at risk, legal for perpetrators and training sessions. Every
 * copy of a person's personal data anywhere (topics, other services, backups) is sealed with her
 * key, so destroying the key erases her everywhere at once (crypto-shredding).
 * The person's id is bound into each ciphertext, so a sealed value cannot be moved to another person.
 */
export class PersonalDataVault {
  constructor(
    private readonly keys: Collection,
    private readonly masterKey: Buffer,
  ) {}

  /** Creates the person's data key if she has none; safe to call again. */
  async ensureKey(personId: string): Promise<void> {
    if (await this.keys.findOne({ _id: personId } as Document)) return;
    const wrapped = encrypt(this.masterKey, randomBytes(32), `data-key:${personId}`);
    const stored: StoredDataKey = {
      _id: personId,
      wrapped: wrapped.ciphertext,
      iv: wrapped.iv,
      authTag: wrapped.authTag,
      createdAt: new Date(),
    };
    try {
      await this.keys.insertOne(stored as unknown as Document);
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
  }

  /**
   * Seals a value with her key. The purpose is bound in too, so a value sealed for one purpose
   * (counselling notes) cannot be opened as another (her identity), or the other way round.
   */
  async seal(personId: string, value: object, purpose: SealingPurpose = 'personal-data'): Promise<SealedPersonalData> {
    const key = await this.dataKey(personId);
    if (!key) throw new Error(`person ${personId} has no data key`);
    const sealed = encrypt(key, Buffer.from(JSON.stringify(value)), `${purpose}:${personId}`);
    return { keyId: personId, algorithm: 'AES-256-GCM', ...sealed };
  }

  /**
   * Seals text that was recorded in clear before its kind was sealed (npm run reseal). Once her
   * key is destroyed, it is sealed with a key made for it and thrown away at once: as unreadable
   * as every other copy of what she was erased from, and in the same form.
   */
  async sealAfterTheFact(personId: string, value: object, purpose: SealingPurpose): Promise<SealedPersonalData> {
    const key = (await this.dataKey(personId)) ?? randomBytes(32);
    const sealed = encrypt(key, Buffer.from(JSON.stringify(value)), `${purpose}:${personId}`);
    return { keyId: personId, algorithm: 'AES-256-GCM', ...sealed };
  }

  /** The clear value, or undefined when the person's key was destroyed (she was erased). */
  async open<T>(sealed: SealedPersonalData, purpose: SealingPurpose = 'personal-data'): Promise<T | undefined> {
    const key = await this.dataKey(sealed.keyId);
    if (!key) return undefined;
    return JSON.parse(decrypt(key, sealed, `${purpose}:${sealed.keyId}`).toString('utf8')) as T;
  }

  /** Whether her key still exists: false once she was erased (or for someone never given one). */
  async hasKey(personId: string): Promise<boolean> {
    return (await this.keys.findOne({ _id: personId } as Document, { projection: { _id: 1 } })) !== null;
  }

  /** Destroys the person's data key: every sealed copy of her personal data becomes unreadable. */
  async destroyKey(personId: string): Promise<void> {
    await this.keys.deleteOne({ _id: personId } as Document);
  }

  private async dataKey(personId: string): Promise<Buffer | undefined> {
    const stored = (await this.keys.findOne({ _id: personId } as Document)) as StoredDataKey | null;
    if (!stored) return undefined;
    return decrypt(
      this.masterKey,
      { iv: stored.iv, ciphertext: stored.wrapped, authTag: stored.authTag },
      `data-key:${personId}`,
    );
  }
}
