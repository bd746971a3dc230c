import type { SealedPersonalData } from '@mukti/contracts';
import { MAX_SEALED_NOTES_LENGTH, OPEN_NOTES_BATCH } from '@mukti/staff-api';
import { batchesOf } from './identifying-text';

const sealed = (index: number, characters = 100): SealedPersonalData => ({
  keyId: 'her-id',
  algorithm: 'AES-256-GCM',
  iv: String(index),
  ciphertext: 'x'.repeat(characters),
  authTag: 'tag',
});

describe('her sealed counselling notes are opened in batches intake accepts', () => {
  it('four years of weekly sessions: at most 200 in a batch, in order (one request of 450 was a 400)', () => {
    const notes = Array.from({ length: 450 }, (_, index) => sealed(index));
    const batches = batchesOf(notes);
    expect(batches.map((batch) => batch.length)).toEqual([200, 200, 50]);
    expect(batches.flat()).toEqual(notes);
  });

  it('the longest notes: as many as fit in the characters of one batch, each alone if need be', () => {
    expect(MAX_SEALED_NOTES_LENGTH).toBeLessThanOrEqual(OPEN_NOTES_BATCH.characters);
    const notes = [sealed(0, MAX_SEALED_NOTES_LENGTH), sealed(1, MAX_SEALED_NOTES_LENGTH), sealed(2, 1000), sealed(3, 1000)];
    expect(batchesOf(notes).map((batch) => batch.map((value) => value.iv))).toEqual([['0'], ['1', '2', '3']]);
  });

  it('no sessions, no request', () => {
    expect(batchesOf([])).toEqual([]);
  });
});
