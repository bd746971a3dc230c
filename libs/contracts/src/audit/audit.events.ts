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
  {
    additionalProperties: false,
    description:
      'This is one step of one staff request that read or changed a person\'s record. The gateway ' +
      'writes it, and it is acknowledged by all in-sync replicas. It carries these headers:\n' +
      '\n' +
      '- key and `ce_subject`: `personId`, or `request:<request id>` for a registration\'s ' +
      '`requested` record;\n' +
      '- `ce_actorid` and `ce_actorrole`: the staff member;\n' +
      '- `ce_correlationid`: the request id;\n' +
      '- `ce_time`: `at`.\n' +
      '\n' +
      'The payload names the person **by id only**. The trail outlives erasure and must not undo ' +
      'it.\n' +
      '\n' +
      '- `personId`: absent only on a registration\'s `requested` record (she has no id yet)\n' +
      '- `staffRole`: `admin`, `caseworker`, `rescue-coordinator`, `counsellor`, ' +
      '`livelihood-officer`, `legal-officer`, `analyst`\n' +
      '- `action`: the endpoint\'s name in the role table: `readPerson`, `recordConsent`, ' +
      '`readTimeline`, …\n' +
      '- `outcome`: `requested` is written before the request goes on. `refused` means a 403 or ' +
      '404\n' +
      '- `status`: the HTTP status the staff member got, once known\n' +
      '- `reason`: an admin\'s `X-Access-Reason`: a code (`case-review`, `legal-obligation`, …), ' +
      'perhaps with a reference (`legal-obligation: CWC/12`); records written before reasons were ' +
      'codes may hold words',
  },
);
export type PersonDataAccessedV1 = Static<typeof PersonDataAccessedV1>;
