import { EventPattern, Payload } from '@nestjs/microservices';
import type { Document } from 'mongodb';
import { EventEnvelope, intakeEventTypes } from '@mukti/contracts';
import { EventController } from '@mukti/messaging';
import { changeFenced, Fenced, FencedCollection } from '@mukti/persistence';

/**
 * The service's own copy of intake's households: who lives in each, by id (rule 1: no service
 * reads another's database). A household's events arrive in order (its id is the Kafka key), but
 * for a moment after a rebalance two members of the group may both be applying them: members are
 * added by a fenced change (on FerretDB two $addToSet at once could lose one).
 */
export class KnownHouseholds {
  constructor(readonly households: FencedCollection) {}

  /** Its members, or undefined for a household intake never registered. */
  async members(householdId: string): Promise<string[] | undefined> {
    const found = (await this.households.documents.findOne({ _id: householdId } as Document)) as { memberIds?: string[] } | null;
    return found?.memberIds;
  }

  /** Adds these members to it (those it has already are kept once). */
  async add(householdId: string, memberIds: readonly string[]): Promise<void> {
    await changeFenced<Fenced & { memberIds?: string[] }>(this.households, householdId, (known) => {
      const added = memberIds.filter((memberId) => !known?.memberIds?.includes(memberId));
      return added.length === 0 ? undefined : { _id: householdId, memberIds: [...(known?.memberIds ?? []), ...added] };
    });
  }
}

/** Keeps the service's copy of intake's households (KnownHouseholds) from intake's events. */
@EventController()
export class KnownHouseholdsFromIntake {
  constructor(private readonly known: KnownHouseholds) {}

  // Every version: only its members are kept here, never where it lives.
  @EventPattern([intakeEventTypes.householdRegistered, intakeEventTypes.householdRegisteredV1])
  async householdRegistered(@Payload() event: EventEnvelope<typeof intakeEventTypes.householdRegistered | typeof intakeEventTypes.householdRegisteredV1>): Promise<void> {
    await this.known.add(event.data.householdId, event.data.memberIds);
  }

  @EventPattern(intakeEventTypes.householdMemberAdded)
  async householdMemberAdded(@Payload() event: EventEnvelope<typeof intakeEventTypes.householdMemberAdded>): Promise<void> {
    await this.known.add(event.data.householdId, [event.data.personId]);
  }
}
