import { EventPattern, Payload } from '@nestjs/microservices';
import type { Collection, Document } from 'mongodb';
import { EventEnvelope, intakeEventTypes } from '@mukti/contracts';
import { EventController } from '@mukti/messaging';

/**
 * The service's own copy of intake's households: who lives in each, by id (rule 1: no service
 * reads another's database). A household's events arrive in order (its id is the Kafka key).
 */
export class KnownHouseholds {
  constructor(readonly households: Collection) {}

  /** Its members, or undefined for a household intake never registered. */
  async members(householdId: string): Promise<string[] | undefined> {
    const found = (await this.households.findOne({ _id: householdId } as Document)) as { memberIds?: string[] } | null;
    return found?.memberIds;
  }
}

/** Keeps the service's copy of intake's households (KnownHouseholds) from intake's events. */
@EventController()
export class KnownHouseholdsFromIntake {
  constructor(private readonly known: KnownHouseholds) {}

  // Every version: only its members are kept here, never where it lives.
  @EventPattern([intakeEventTypes.householdRegistered, intakeEventTypes.householdRegisteredV1])
  async householdRegistered(@Payload() event: EventEnvelope<typeof intakeEventTypes.householdRegistered | typeof intakeEventTypes.householdRegisteredV1>): Promise<void> {
    await this.known.households.updateOne(
      { _id: event.data.householdId } as Document,
      { $addToSet: { memberIds: { $each: event.data.memberIds } } },
      { upsert: true },
    );
  }

  @EventPattern(intakeEventTypes.householdMemberAdded)
  async householdMemberAdded(@Payload() event: EventEnvelope<typeof intakeEventTypes.householdMemberAdded>): Promise<void> {
    await this.known.households.updateOne({ _id: event.data.householdId } as Document, { $addToSet: { memberIds: event.data.personId } }, { upsert: true });
  }
}
