import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@mukti/contracts';
import { DomainError } from '@mukti/decider';
import { UniqueConstraintError } from '@mukti/persistence';
import { fingerprint, normaliseName, normalisePhone, PersonalDataVault } from '@mukti/security';
import type { RegisterPersonRequest } from '@mukti/staff-api';
import { INTAKE_CONFIG } from '../../../intake.tokens';
import type { IntakeConfig } from '../../../intake.config';
import { ageBandOf, ageOn } from '../../domain/age-band';
import { PersonFields, PersonStore } from '../../person.store';

/**
 * Registers a person: seals her personal data with a new data key of her own, keeps keyed
 * fingerprints so the same person is recognised if registered again (409 with her id), and
 * stores her with the PersonRegistered event in one write.
 */
@Injectable()
export class RegisterPersonHandler {
  constructor(
    private readonly people: PersonStore,
    private readonly vault: PersonalDataVault,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  async handle(request: RegisterPersonRequest, context: CommandContext, now = new Date()): Promise<string> {
    const personId = randomUUID();
    const fields = this.fingerprints(request, personId, context.actor.id);
    const existing = await this.people.aggregates.findOne({
      $or: [
        { nameAndPhoneFingerprint: fields.nameAndPhoneFingerprint },
        { nameAndBirthDateFingerprint: fields.nameAndBirthDateFingerprint },
      ],
    });
    if (existing) throw this.alreadyRegistered(existing._id);

    await this.vault.ensureKey(personId);
    const personalData = await this.vault.seal(personId, {
      name: request.name,
      aliases: request.aliases ?? [],
      phone: request.phone,
      address: request.address,
      birthDate: request.birthDate,
    });
    try {
      await this.people.execute(
        personId,
        {
          type: 'RegisterPerson',
          data: {
            personId,
            role: request.role,
            personalData,
            gender: request.gender,
            ageBand: ageBandOf(ageOn(request, now)),
            ...(request.origin ? { origin: { state: request.origin.state, district: request.origin.district } } : {}),
            languages: request.languages ?? [],
            referralSource: request.referralSource,
            registeredAt: now.toISOString(),
          },
        },
        context,
        fields,
      );
    } catch (error) {
      if (!(error instanceof UniqueConstraintError)) throw error;
      // Registered by someone else a moment ago: the unique index is the last word.
      const winner = await this.people.aggregates.findOne({
        $or: [
          { nameAndPhoneFingerprint: fields.nameAndPhoneFingerprint },
          { nameAndBirthDateFingerprint: fields.nameAndBirthDateFingerprint },
        ],
      });
      throw this.alreadyRegistered(winner?._id);
    }
    return personId;
  }

  private alreadyRegistered(existingId: string | undefined) {
    return DomainError.conflict('this person is already registered (same name with the same phone or birth date)', {
      existingId,
    });
  }

  /** Without a phone or a birth date there is nothing to match on: a value unique to her keeps the index quiet. */
  private fingerprints(request: RegisterPersonRequest, personId: string, registeredBy: string): PersonFields {
    const key = this.config.IDENTITY_FINGERPRINT_KEY;
    const name = normaliseName(request.name);
    const phone = request.phone ? normalisePhone(request.phone) : '';
    return {
      nameAndPhoneFingerprint: phone ? fingerprint(key, 'name+phone', name, phone) : `none:${personId}`,
      nameAndBirthDateFingerprint: request.birthDate
        ? fingerprint(key, 'name+birth-date', name, request.birthDate)
        : `none:${personId}`,
      registeredBy,
    };
  }
}
