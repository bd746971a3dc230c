import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, intakeEventTypes } from '@mukti/contracts';
import { EventController } from '@mukti/messaging';
import { KnownPeople } from './known-people';

type IntakeEvent<T extends keyof typeof intakeEventTypes> = EventEnvelope<(typeof intakeEventTypes)[T]>;

/**
 * Keeps a service's copy of intake's people (KnownPeople) from intake's events: her registration,
 * her case team, her consents, her age band, her erasure. List it in the controllers of every service that keeps one.
 */
@EventController()
export class KnownPeopleFromIntake {
  constructor(private readonly people: KnownPeople) {}

  @EventPattern(intakeEventTypes.personRegistered)
  async personRegistered(@Payload() event: IntakeEvent<'personRegistered'>): Promise<void> {
    const existing = await this.people.find(event.data.personId);
    await this.people.save({
      caseTeam: {},
      consents: {},
      ...existing,
      _id: event.data.personId,
      registeredAt: event.data.registeredAt,
      ageBand: event.data.ageBand,
      role: event.data.role,
    });
  }

  @EventPattern(intakeEventTypes.staffAssigned)
  staffAssigned(@Payload() event: IntakeEvent<'staffAssigned'>): Promise<void> {
    return this.people.change(event.data.personId, (person) => ({
      ...person,
      caseTeam: { ...person.caseTeam, [event.data.staffId]: { role: event.data.staffRole } },
    }));
  }

  @EventPattern(intakeEventTypes.staffUnassigned)
  staffUnassigned(@Payload() event: IntakeEvent<'staffUnassigned'>): Promise<void> {
    return this.people.change(event.data.personId, (person) => {
      const { [event.data.staffId]: _left, ...caseTeam } = person.caseTeam;
      return { ...person, caseTeam };
    });
  }

  @EventPattern(intakeEventTypes.consentRecorded)
  consentRecorded(@Payload() event: IntakeEvent<'consentRecorded'>): Promise<void> {
    return this.people.change(event.data.personId, (person) => ({
      ...person,
      consents: { ...person.consents, [event.data.scope]: event.data.decision },
      consentsDecidedAt: { ...person.consentsDecidedAt, [event.data.scope]: event.data.decidedAt },
    }));
  }

  /** Her band as determined or as a birthday moved it: every child safeguard here reads it. */
  @EventPattern([intakeEventTypes.ageDetermined, intakeEventTypes.ageBandMoved])
  ageBandChanged(@Payload() event: IntakeEvent<'ageDetermined'> | IntakeEvent<'ageBandMoved'>): Promise<void> {
    return this.people.change(event.data.personId, (person) => ({ ...person, ageBand: event.data.ageBand }));
  }

  @EventPattern(intakeEventTypes.personErased)
  personErased(@Payload() event: IntakeEvent<'personErased'>): Promise<void> {
    return this.people.change(event.data.personId, (person) => ({ ...person, erasedAt: event.data.erasedAt }));
  }
}
