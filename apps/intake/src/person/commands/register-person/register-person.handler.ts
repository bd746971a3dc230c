import { Inject, Injectable } from '@nestjs/common';
import { CommandContext, newId } from '@mukti/contracts';
import { DomainError } from '@mukti/decider';
import { ageBandOf, ageOn, AgeEvidence } from '@mukti/intake-domain';
import { UniqueConstraintError } from '@mukti/persistence';
import { fingerprint, normaliseName, normalisePhone, PersonalDataVault } from '@mukti/security';
import type { RegisterPersonRequest } from '@mukti/staff-api';
import { INTAKE_CONFIG } from '../../../intake.tokens';
import type { IntakeConfig } from '../../../intake.config';
import { AGE_BAND_WATCH, AgeBandWatch } from '../../age-band-watch/age-band-watch';
import { PersonFingerprints, PersonStore } from '../../person.store';

/** What the registration says of her age: the best of birth date, birth year, or an age stated today. */
function ageEvidenceOf(request: RegisterPersonRequest, now: Date): AgeEvidence {
  if (request.birthDate) return { birthDate: request.birthDate };
  if (request.birthYear !== undefined) return { birthYear: request.birthYear };
  if (request.age !== undefined) return { age: request.age, statedOn: now.toISOString().slice(0, 10) };
  return {};
}

/**
 * Registers a person: seals her personal data with a new data key of her own, keeps keyed
 * fingerprints so the same person is recognised if registered again, and stores her with the
 * PersonRegistered event in one write. Registered again: a 409 with her id for her case team (an
 * admin with a reason); anyone else learns only that a possible duplicate exists, and her case
 * team gets it to review, so the check is no way to learn who is registered.
 */
@Injectable()
export class RegisterPersonHandler {
  constructor(
    private readonly people: PersonStore,
    private readonly vault: PersonalDataVault,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
    @Inject(AGE_BAND_WATCH) private readonly ageBands: AgeBandWatch,
  ) {}

  async handle(request: RegisterPersonRequest, context: CommandContext, accessReason?: string, now = new Date()): Promise<string> {
    // A retry of a registration already made (same Idempotency-Key): her id, not a 409 about herself.
    const answered = context.requestKey ? await this.people.aggregates.answered(context.requestKey) : undefined;
    if (answered) return answered.aggregateId;
    const personId = newId(context, 'personId');
    const fingerprints = this.fingerprints(request);
    const existing = await this.people.registeredWith(fingerprints);
    if (existing) throw await this.alreadyRegistered(existing, context, accessReason);

    await this.vault.ensureKey(personId);
    const personalData = await this.vault.seal(personId, {
      name: request.name,
      aliases: request.aliases ?? [],
      phone: request.phone,
      address: request.address,
      birthDate: request.birthDate,
    });
    // Her band moves with her birthdays: watched from before she is written (a watch for a
    // registration that fails does nothing when it comes due).
    const evidence = ageEvidenceOf(request, now);
    await this.ageBands.follow(personId, evidence, now);
    try {
      await this.people.register(
        personId,
        {
          type: 'RegisterPerson',
          data: {
            personId,
            role: request.role,
            personalData,
            gender: request.gender,
            ageBand: ageBandOf(ageOn(evidence, now)),
            ...(request.origin ? { origin: { state: request.origin.state, district: request.origin.district } } : {}),
            languages: request.languages ?? [],
            referralSource: request.referralSource,
            registeredAt: now.toISOString(),
            registeredBy: context.actor,
          },
        },
        context,
        fingerprints,
      );
    } catch (error) {
      if (error instanceof UniqueConstraintError) {
        // The unique index refused her commit, so the key sealed nothing that was kept.
        await this.vault.destroyKey(personId);
        await this.ageBands.forget(personId);
        // Registered by someone else a moment ago: the unique index is the last word.
        throw await this.alreadyRegistered(await this.people.registeredWith(fingerprints), context, accessReason);
      }
      if (await this.registeredDespite(personId)) return personId;
      throw error;
    }
    return personId;
  }

  /**
   * The store failed or its answer was lost (a restart, a reset socket): her commit may have been
   * written all the same. Destroying her key then would leave her registered everywhere with an
   * identity nobody can read, so the key goes only when her first commit is known not to exist;
   * when even that cannot be known, an unused key is kept (it seals nothing anyone can find).
   */
  private async registeredDespite(personId: string): Promise<boolean> {
    let stored: unknown;
    try {
      stored = await this.people.aggregates.commit(personId, 1);
    } catch {
      return false;
    }
    if (stored) return true;
    await this.vault.destroyKey(personId);
    return false;
  }

  private async alreadyRegistered(existingId: string | undefined, context: CommandContext, accessReason: string | undefined) {
    if (existingId && (await this.people.mayOpen(existingId, context.actor, accessReason))) {
      return DomainError.conflict('this person is already registered (same name with the same phone or birth date)', { existingId });
    }
    if (existingId) await this.people.reportPossibleDuplicate(existingId, context.actor, context);
    return DomainError.conflict(
      "a person with the same name and phone or birth date is already registered; her case team has been asked to review it (ask them, or an admin, if she is yours)",
      { reviewRequested: true },
    );
  }

  /** Without a phone or a birth date there is nothing to match on for that pair. */
  private fingerprints(request: RegisterPersonRequest): PersonFingerprints {
    const key = this.config.IDENTITY_FINGERPRINT_KEY;
    const name = normaliseName(request.name);
    const phone = request.phone ? normalisePhone(request.phone) : '';
    return {
      ...(phone ? { nameAndPhoneFingerprint: fingerprint(key, 'name+phone', name, phone) } : {}),
      ...(request.birthDate ? { nameAndBirthDateFingerprint: fingerprint(key, 'name+birth-date', name, request.birthDate) } : {}),
    };
  }
}
