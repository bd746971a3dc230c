import type { Collection, Document } from 'mongodb';
import { EventEnvelope, intakeEventTypes } from '@mukti/contracts';

/**
 * The service's own copy of intake's households: who lives in each, by id (rule 1: no service
 * reads another's database). A household's events arrive in order (its id is the Kafka key).
 */
export class KnownHouseholds {
  constructor(private readonly households: Collection) {}

  handlers() {
    return {
      [intakeEventTypes.householdRegistered]: async (event: EventEnvelope<typeof intakeEventTypes.householdRegistered>) => {
        await this.households.updateOne(
          { _id: event.data.householdId } as Document,
          { $addToSet: { memberIds: { $each: event.data.memberIds } } },
          { upsert: true },
        );
      },
      [intakeEventTypes.householdMemberAdded]: async (event: EventEnvelope<typeof intakeEventTypes.householdMemberAdded>) => {
        await this.households.updateOne({ _id: event.data.householdId } as Document, { $addToSet: { memberIds: event.data.personId } }, { upsert: true });
      },
    };
  }

  /** Its members, or undefined for a household intake never registered. */
  async members(householdId: string): Promise<string[] | undefined> {
    const found = (await this.households.findOne({ _id: householdId } as Document)) as { memberIds?: string[] } | null;
    return found?.memberIds;
  }
}
