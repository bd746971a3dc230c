import type { Request } from 'express';
import type { IdentifyingTextKind, SealedPersonalData } from '@mukti/contracts';
import type { ServiceClient } from '@mukti/http';
import { OPEN_NOTES_BATCH } from '@mukti/staff-api';

/** The intake service, reached with the staff member's own token: it seals text that identifies her with her key, and opens it for those who read it. */
export const INTAKE = Symbol('INTAKE');

/** Sealed values in the batches intake opens (OPEN_NOTES_BATCH), in order. */
export function batchesOf(sealed: readonly SealedPersonalData[]): SealedPersonalData[][] {
  const batches: SealedPersonalData[][] = [];
  let characters = 0;
  for (const value of sealed) {
    const current = batches.at(-1);
    if (current && current.length < OPEN_NOTES_BATCH.sessions && characters + value.ciphertext.length <= OPEN_NOTES_BATCH.characters) {
      current.push(value);
      characters += value.ciphertext.length;
    } else {
      batches.push([value]);
      characters = value.ciphertext.length;
    }
  }
  return batches;
}

/**
 * Her sealed values of one kind, opened by intake for the caller (her token: intake checks her
 * role and need-to-know again), in order; null for each once her key is destroyed. In batches,
 * one after the other: years of weekly sessions do not fit in one request.
 */
export async function openedByIntake(intake: ServiceClient, caller: Request, personId: string, kind: IdentifyingTextKind, sealed: readonly SealedPersonalData[]): Promise<(string | null)[]> {
  const opened: (string | null)[] = [];
  for (const batch of batchesOf(sealed)) {
    const { texts } = await intake.send<{ texts: (string | null)[] }>('POST', `/people/${personId}/identifying-text/opened`, caller, { kind, sealed: batch });
    opened.push(...texts);
  }
  return opened;
}
