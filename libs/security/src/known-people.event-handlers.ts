import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, intakeEventTypes } from '@mukti/contracts';
import { EventContext, EventController } from '@mukti/messaging';
import { IntakePosition, KnownPeople } from './known-people';

const readAt = (context: EventContext): IntakePosition => ({ partition: context.getPartition(), offset: context.getOffset() });

type IntakeEvent<T extends keyof typeof intakeEventTypes> = EventEnvelope<(typeof intakeEventTypes)[T]>;

/**
 * Keeps a service's copy of intake's people (KnownPeople) from intake's events: her registration,
 * her case team, her consents, her age band, her erasure. List it in the controllers of every service that keeps one.
 */
@EventController()
export class KnownPeopleFromIntake {
  constructor(private readonly people: KnownPeople) {}

  @EventPattern(intakeEventTypes.personRegistered)
  personRegistered(@Payload() event: IntakeEvent<'personRegistered'>, @Ctx() context: EventContext): Promise<void> {
    return this.people.change(event.data.personId, readAt(context), (person) => ({
      ...person,
      registeredAt: event.data.registeredAt,
      ageBand: event.data.ageBand,
      role: event.data.role,
    }));
  }

  @EventPattern(intakeEventTypes.staffAssigned)
  staffAssigned(@Payload() event: IntakeEvent<'staffAssigned'>, @Ctx() context: EventContext): Promise<void> {
    return this.people.change(event.data.personId, readAt(context), (person) => ({
      ...person,
      caseTeam: { ...person.caseTeam, [event.data.staffId]: { role: event.data.staffRole } },
    }));
  }

  @EventPattern(intakeEventTypes.staffUnassigned)
  staffUnassigned(@Payload() event: IntakeEvent<'staffUnassigned'>, @Ctx() context: EventContext): Promise<void> {
    return this.people.change(event.data.personId, readAt(context), (person) => {
      const { [event.data.staffId]: _left, ...caseTeam } = person.caseTeam;
      return { ...person, caseTeam };
    });
  }

  @EventPattern(intakeEventTypes.consentRecorded)
  consentRecorded(@Payload() event: IntakeEvent<'consentRecorded'>, @Ctx() context: EventContext): Promise<void> {
    return this.people.change(event.data.personId, readAt(context), (person) => ({
      ...person,
      consents: { ...person.consents, [event.data.scope]: event.data.decision },
      consentsDecidedAt: { ...person.consentsDecidedAt, [event.data.scope]: event.data.decidedAt },
    }));
  }

  /** Her band as determined or as a birthday moved it: every child safeguard here reads it. */
  @EventPattern([intakeEventTypes.ageDetermined, intakeEventTypes.ageBandMoved])
  ageBandChanged(@Payload() event: IntakeEvent<'ageDetermined'> | IntakeEvent<'ageBandMoved'>, @Ctx() context: EventContext): Promise<void> {
    return this.people.change(event.data.personId, readAt(context), (person) => ({ ...person, ageBand: event.data.ageBand }));
  }

  @EventPattern(intakeEventTypes.personErased)
  personErased(@Payload() event: IntakeEvent<'personErased'>, @Ctx() context: EventContext): Promise<void> {
    return this.people.change(event.data.personId, readAt(context), (person) => ({ ...person, erasedAt: event.data.erasedAt }));
  }
}
