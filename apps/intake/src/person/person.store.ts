import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { AggregateStore, handleCommand } from '@mukti/persistence';
import { personDecider, PersonCommand, PersonState } from './domain/person.decider';

export const PEOPLE = Symbol('PEOPLE');
export const SOURCE = '/mukti/intake';

/** Top-level fields of a person's document, beside her state. */
export interface PersonFields {
  /** Keyed hashes of name+phone and name+birth date, each under a unique index. */
  nameAndPhoneFingerprint: string;
  nameAndBirthDateFingerprint: string;
  registeredBy: string;
}

export const uniquePersonFields = [{ field: 'nameAndPhoneFingerprint' }, { field: 'nameAndBirthDateFingerprint' }];

/** The person aggregate: load, decide, and store state and events in one write. */
@Injectable()
export class PersonStore {
  constructor(@Inject(PEOPLE) readonly aggregates: AggregateStore<PersonState>) {}

  execute(personId: string, command: PersonCommand, context: CommandContext, fields?: PersonFields) {
    return handleCommand({
      store: this.aggregates,
      decider: personDecider,
      aggregateId: personId,
      command,
      context,
      source: SOURCE,
      fields: fields ? () => ({ ...fields }) : undefined,
    });
  }
}
