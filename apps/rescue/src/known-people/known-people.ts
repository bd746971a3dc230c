import type { Collection, Document } from 'mongodb';
import type { EventEnvelope, intakeEventTypes } from '@mukti/contracts';
import { isDuplicateKeyError } from '@mukti/persistence';

/**
 * The rescue service's own copy of who is registered in intake (ids only), kept from intake's
 * events: a rescue may name only registered people, and the service never reads intake's database.
 */
export class KnownPeople {
  constructor(private readonly people: Collection) {}

  async remember(event: EventEnvelope<typeof intakeEventTypes.personRegistered>): Promise<void> {
    try {
      await this.people.insertOne({ _id: event.data.personId, registeredAt: event.data.registeredAt } as unknown as Document);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /** Which of these ids are registered (one lookup by id each: fast on every store). */
  async registered(personIds: string[]): Promise<Set<string>> {
    const found = await Promise.all(personIds.map(async (id) => ((await this.people.findOne({ _id: id } as Document)) ? id : undefined)));
    return new Set(found.filter((id): id is string => id !== undefined));
  }
}
