import type { IdentifyingTextKind, SealedPersonalData } from '@mukti/contracts';
import type { AuthenticatedRequest } from '@mukti/security';
import { OPEN_NOTES_BATCH } from '@mukti/staff-api';
import type { ServiceClient } from './service-client';

/**
 * Text another service records that identifies her (counselling notes, the shelter she stays in,
 * her employer) is sealed and opened by intake, where the keys are (ADR 0008), with the staff
 * member's own token: intake checks her role for that kind and her need-to-know again.
 */
type Caller = AuthenticatedRequest & { id?: unknown };

/** The text, sealed with her key for this kind (refused by intake for a role that does not record it). */
export function sealedByIntake(intake: ServiceClient, caller: Caller, personId: string, kind: IdentifyingTextKind, text: string): Promise<SealedPersonalData> {
  return intake.send<SealedPersonalData>('POST', `/people/${personId}/identifying-text/sealed`, caller, { kind, text });
}

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
 * Her sealed values of one kind, opened for the caller, in order; null for each once her key is
 * destroyed. In batches, one after the other: years of weekly sessions do not fit in one request.
 */
export async function openedByIntake(intake: ServiceClient, caller: Caller, personId: string, kind: IdentifyingTextKind, sealed: readonly SealedPersonalData[]): Promise<(string | null)[]> {
  const opened: (string | null)[] = [];
  for (const batch of batchesOf(sealed)) {
    const { texts } = await intake.send<{ texts: (string | null)[] }>('POST', `/people/${personId}/identifying-text/opened`, caller, { kind, sealed: batch });
    opened.push(...texts);
  }
  return opened;
}

/**
 * Her identifying text of one kind as staff read it back, in order: a sealed value opened by
 * intake, one recorded in clear before such text was sealed as it is, nothing for one not
 * recorded; nothing at all once she is erased (the text recorded in clear included).
 */
export async function readBackByIntake(
  intake: ServiceClient,
  caller: Caller,
  personId: string,
  kind: IdentifyingTextKind,
  values: readonly (SealedPersonalData | string | undefined)[],
  erased: boolean,
): Promise<(string | undefined)[]> {
  if (erased) return values.map(() => undefined);
  const sealed = values.filter((value): value is SealedPersonalData => value !== undefined && typeof value !== 'string');
  const opened = await openedByIntake(intake, caller, personId, kind, sealed);
  let next = 0;
  return values.map((value) => (value === undefined ? undefined : typeof value === 'string' ? value : (opened[next++] ?? undefined)));
}
