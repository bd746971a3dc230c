import { AnyPillarEventEnvelope, intakeEventTypes } from '@mukti/contracts';
import { describeEvent } from './describe-event';

const envelope = (type: string, data: unknown) =>
  ({ id: 'e', type, source: '/mukti/intake', subject: 'p', time: '2026-01-01T00:00:00Z', data, correlationId: 'c', actor: { id: 'a', role: 'caseworker' } }) as AnyPillarEventEnvelope;

describe('timeline entries', () => {
  it('describe a registration without any personal data', () => {
    const described = describeEvent(
      envelope(intakeEventTypes.personRegistered, {
        personId: 'p',
        role: 'at-risk',
        personalData: { keyId: 'p', algorithm: 'AES-256-GCM', iv: 'secret-iv', ciphertext: 'secret-ciphertext', authTag: 't' },
        gender: 'female',
        ageBand: '12-15',
        languages: ['hi'],
        referralSource: 'hotline',
        registeredAt: '2026-01-01T00:00:00Z',
      }),
    );
    expect(described).toEqual({
      pillar: 'intake',
      summary: 'Registered as a person at risk (female, age 12-15); referred by hotline',
      facts: { role: 'at-risk', gender: 'female', ageBand: '12-15', origin: undefined, referralSource: 'hotline', languages: ['hi'] },
    });
    expect(JSON.stringify(described)).not.toContain('secret');
  });

  it('describe consent in the words staff use, naming who gave it', () => {
    const described = describeEvent(
      envelope(intakeEventTypes.consentRecorded, {
        personId: 'p',
        consentId: 'c',
        scope: 'share-with-organisations',
        decision: 'withdrawn',
        givenBy: 'guardian',
        decidedAt: '2026-01-01T00:00:00Z',
      }),
    );
    expect(described.summary).toBe('Consent to share with organisations withdrawn (given by her guardian)');
  });

  it('describe an assessment with its level, score and factors', () => {
    const described = describeEvent(
      envelope(intakeEventTypes.vulnerabilityAssessed, {
        personId: 'p',
        assessmentId: 'a',
        factors: ['no-identity-documents'],
        score: 1,
        level: 'low',
        assessedAt: '2026-01-01T00:00:00Z',
      }),
    );
    expect(described.summary).toBe('Vulnerability assessed: low (score 1; no identity documents)');
  });
});
