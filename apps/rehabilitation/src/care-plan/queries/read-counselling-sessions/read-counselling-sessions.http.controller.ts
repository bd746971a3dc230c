import { Controller, Get, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Actor, EventEnvelope, rehabilitationEventTypes } from '@mukti/contracts';
import { IdParam, AccessReason, openedByIntake, ServiceClient, StaffEndpoint } from '@mukti/http';
import { CurrentActor, KnownPeople } from '@mukti/security';
import { CounsellingSessionsView } from '@mukti/staff-api';
import { CarePlanStore } from '../../care-plan.store';
import { INTAKE } from '../../intake-client';

type SessionRecorded = EventEnvelope<typeof rehabilitationEventTypes.counsellingSessionRecorded>;

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
    const sessions = (await this.carePlans.aggregates.events(personId)).filter(
      (event): event is SessionRecorded => event.type === rehabilitationEventTypes.counsellingSessionRecorded,
    );
    const opened =
      actor.role === 'counsellor' && !person.erasedAt ? await openedByIntake(this.intake, caller, personId, 'counselling-notes', sessions.map((session) => session.data.notes)) : [];
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
