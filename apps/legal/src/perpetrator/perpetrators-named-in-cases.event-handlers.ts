import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, legalEventTypes } from '@mukti/contracts';
import { EventController } from '@mukti/messaging';
import { PerpetratorAccess } from './perpetrator-access';

/** Which cases name a perpetrator (his access, PerpetratorAccess), kept from the service's own topic: a case names him in its FIR or later. */
@EventController()
export class PerpetratorsNamedInCases {
  constructor(private readonly access: PerpetratorAccess) {}

  // Every version: a case registered before the FIR was sealed counts the same.
  @EventPattern([legalEventTypes.firRegistered, legalEventTypes.firRegisteredV1])
  async firRegistered(@Payload() event: EventEnvelope<typeof legalEventTypes.firRegistered | typeof legalEventTypes.firRegisteredV1>): Promise<void> {
    const { caseId, accusedIds, mainAccusedId } = event.data;
    for (const perpetratorId of new Set([...accusedIds, ...(mainAccusedId ? [mainAccusedId] : [])])) await this.access.note(perpetratorId, caseId);
  }

  @EventPattern(legalEventTypes.accusedNamed)
  accusedNamed(@Payload() event: EventEnvelope<typeof legalEventTypes.accusedNamed>): Promise<void> {
    return this.access.note(event.data.perpetratorId, event.data.caseId);
  }
}
