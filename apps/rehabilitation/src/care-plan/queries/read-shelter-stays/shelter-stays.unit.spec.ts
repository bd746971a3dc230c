import { EventEnvelope, rehabilitationEventTypes, SealedPersonalData } from '@mukti/contracts';
import { shelterStaysOf } from './shelter-stays';

const sealedName: SealedPersonalData = { keyId: 'her-id', algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: 'c2VhbGVk', authTag: 'dGFn' };
const event = (type: string, data: object) => ({ type, data }) as unknown as EventEnvelope;
const place = { state: 'Maharashtra', district: 'Mumbai City' };

describe('her shelter stays', () => {
  it('are each admission with the discharge that ended it, oldest first; the last without a discharge is where she is now', () => {
    const stays = shelterStaysOf([
      // Admitted before shelter names were sealed: the name in clear, as the v1 events carry it.
      event(rehabilitationEventTypes.shelterAdmittedV1, { personId: 'her-id', shelter: { name: 'Asha Sadan', kind: 'ngo', ...place }, admittedAt: '2026-01-05T00:00:00.000Z' }),
      event(rehabilitationEventTypes.counsellingSessionRecorded, { personId: 'her-id' }),
      event(rehabilitationEventTypes.shelterDischargedV1, { personId: 'her-id', shelterName: 'Asha Sadan', dischargedAt: '2026-02-01T00:00:00.000Z', reason: 'transferred' }),
      event(rehabilitationEventTypes.shelterAdmitted, { personId: 'her-id', shelter: { name: sealedName, kind: 'shakti-sadan', ...place }, admittedAt: '2026-02-01T00:00:00.000Z' }),
    ]);
    expect(stays).toEqual([
      { admittedAt: '2026-01-05T00:00:00.000Z', kind: 'ngo', ...place, name: { clear: 'Asha Sadan' }, dischargedAt: '2026-02-01T00:00:00.000Z', dischargeReason: 'transferred' },
      { admittedAt: '2026-02-01T00:00:00.000Z', kind: 'shakti-sadan', ...place, name: { sealed: sealedName } },
    ]);
  });

  it('are none for a plan without an admission', () => {
    expect(shelterStaysOf([event(rehabilitationEventTypes.carePlanOpened, { personId: 'her-id' })])).toEqual([]);
  });
});
