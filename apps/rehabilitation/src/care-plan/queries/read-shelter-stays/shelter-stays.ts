/** Where she has stayed, from her plan's events: a pure function, so the read is one load and one call to intake. */
import { EventEnvelope, rehabilitationEventTypes, SealedPersonalData } from '@mukti/contracts';
import type { ShelterStayView } from '@mukti/staff-api';

/** A stay as her plan recorded it: the shelter's name sealed (v2) or, admitted before it was sealed, in clear (v1). */
export type RecordedStay = Omit<ShelterStayView, 'name'> & { name: { sealed: SealedPersonalData } | { clear: string } };

/** Her stays, oldest first: each admission, and the discharge that ended it. */
export function shelterStaysOf(events: readonly EventEnvelope[]): RecordedStay[] {
  const stays: RecordedStay[] = [];
  for (const event of events) {
    switch (event.type) {
      case rehabilitationEventTypes.shelterAdmitted:
      case rehabilitationEventTypes.shelterAdmittedV1: {
        const { shelter, admittedAt } = (event as EventEnvelope<typeof rehabilitationEventTypes.shelterAdmitted | typeof rehabilitationEventTypes.shelterAdmittedV1>).data;
        const name = typeof shelter.name === 'string' ? { clear: shelter.name } : { sealed: shelter.name };
        stays.push({ admittedAt, kind: shelter.kind, state: shelter.state, district: shelter.district, name });
        break;
      }
      case rehabilitationEventTypes.shelterDischarged:
      case rehabilitationEventTypes.shelterDischargedV1: {
        const { dischargedAt, reason } = (event as EventEnvelope<typeof rehabilitationEventTypes.shelterDischarged>).data;
        const current = stays.at(-1);
        if (current && current.dischargedAt === undefined) Object.assign(current, { dischargedAt, dischargeReason: reason });
        break;
      }
    }
  }
  return stays;
}
