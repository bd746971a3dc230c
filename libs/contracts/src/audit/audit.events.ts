/** The audit trail: every read and write of a person's data through the staff API. */
import { Type, Static } from '@sinclair/typebox';
import { oneOf, recordKinds, staffRoles } from '../vocabulary';

export const auditEventTypes = {
  personDataAccessed: 'org.mukti.audit.person-data-accessed.v1',
} as const;

export const auditOutcomes = ['requested', 'succeeded', 'refused', 'failed'] as const;

/**
 * One step of one staff request that touches a person: `requested` is written before the request
 * goes on (if it cannot be written, the request is refused), then how it ended. Names the person
 * by id only: the trail outlives erasure and must not undo it.
 */
export const PersonDataAccessedV1 = Type.Object(
  {
    /** Absent only on the `requested` record of a registration: she has no id until it succeeds. */
    personId: Type.Optional(Type.String({ format: 'uuid' })),
    /** The record the request opened, where it is not a person's own (a rescue operation, a case, a household...). */
    record: Type.Optional(Type.Object({ kind: oneOf(recordKinds), id: Type.String({ format: 'uuid' }) }, { additionalProperties: false })),
    staffId: Type.String({ minLength: 1, maxLength: 200 }),
    staffRole: oneOf(staffRoles),
    /** The endpoint, by its name in the staff API's role table: readPerson, recordConsent, ... */
    action: Type.String({ minLength: 1, maxLength: 80 }),
    method: oneOf(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const),
    outcome: oneOf(auditOutcomes),
    /** The HTTP status the staff member got, once known. */
    status: Type.Optional(Type.Integer({ minimum: 100, maximum: 599 })),
    /** An admin's stated reason for opening the record. */
    reason: Type.Optional(Type.String({ maxLength: 500 })),
    requestId: Type.String({ minLength: 1, maxLength: 128 }),
    at: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type PersonDataAccessedV1 = Static<typeof PersonDataAccessedV1>;
