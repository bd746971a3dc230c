import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { auditEventTypes, EventEnvelope } from '@mukti/contracts';
import { EventContext, EventController } from '@mukti/messaging';
import { AuditStore } from './audit.store';

/**
 * Appends every access the gateway records to the queryable trail, chained in the order of its
 * partition (keyed by event id: a redelivery adds nothing).
 */
@EventController()
export class AuditTrailRecorder {
  constructor(private readonly store: AuditStore) {}

  @EventPattern(auditEventTypes.personDataAccessed)
  personDataAccessed(@Payload() event: EventEnvelope<typeof auditEventTypes.personDataAccessed>, @Ctx() context: EventContext): Promise<void> {
    return this.store.append(event, { partition: context.getPartition() });
  }
}
