import { Controller, Get, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Actor, EventEnvelope, rehabilitationEventTypes, SealedPersonalData } from '@mukti/contracts';
import { IdParam, AccessReason, ServiceClient, StaffEndpoint } from '@mukti/http';
import { CurrentActor, KnownPeople } from '@mukti/security';
import { CounsellingSessionsView, OPEN_NOTES_BATCH } from '@mukti/staff-api';
import { CarePlanStore } from '../../care-plan.store';
import { INTAKE } from '../../intake-client';

type SessionRecorded = EventEnvelope<typeof rehabilitationEventTypes.counsellingSessionRecorded>;

/** Sealed notes in the batches intake opens (OPEN_NOTES_BATCH), in order. */
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
 * Her counselling sessions. The notes are opened (by intake, with her key) for counsellors on her
 * case team only; an admin sees that sessions took place, not what was said. After her erasure
 * the notes are gone for everyone.
 */
@Controller('people/:personId/counselling-sessions')
export class ReadCounsellingSessionsController {
  constructor(
    private readonly carePlans: CarePlanStore,
    private readonly knownPeople: KnownPeople,
    @Inject(INTAKE) private readonly intake: ServiceClient,
  ) {}

  @Get()
  @StaffEndpoint('readCounsellingSessions')
  async read(
    @IdParam('personId') personId: string,
    @CurrentActor() actor: Actor,
    @Req() caller: Request,
    @AccessReason() accessReason?: string,
  ): Promise<CounsellingSessionsView> {
    const person = await this.knownPeople.forActor(actor, personId, accessReason);
    const sessions = (await this.carePlans.events(personId)).filter(
      (event): event is SessionRecorded => event.type === rehabilitationEventTypes.counsellingSessionRecorded,
    );
    const opened: (string | null)[] = [];
    if (actor.role === 'counsellor' && !person.erasedAt) {
      // In batches, one after the other: years of weekly sessions do not fit in one request.
      for (const batch of batchesOf(sessions.map((session) => session.data.notes))) {
        const { notes } = await this.intake.send<{ notes: (string | null)[] }>('POST', `/people/${personId}/counselling-notes/opened`, caller, { sealed: batch });
        opened.push(...notes);
      }
    }
    return {
      sessions: sessions.map((session, index) => ({
        sessionId: session.data.sessionId,
        heldAt: session.data.heldAt,
        kind: session.data.kind,
        counsellorId: session.actor.id,
        ...(opened[index] ? { notes: opened[index] } : {}),
      })),
    };
  }
}
