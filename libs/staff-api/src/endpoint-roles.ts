import type { StaffRole } from '@mukti/contracts';

const staffWhoReadCases: StaffRole[] = ['admin', 'caseworker', 'counsellor', 'rescue-coordinator', 'livelihood-officer', 'legal-officer'];

/**
 * Which roles may call each staff endpoint: the one table that the gateway and the owning
 * services enforce (each with @Roles(...endpointRoles.x)), and that the OpenAPI document states.
 * Analysts are on none of them: they get indicators and the de-identified stream, never a person.
 */
export const endpointRoles = {
  registerPerson: ['admin', 'caseworker', 'rescue-coordinator'],
  readPerson: staffWhoReadCases,
  recordConsent: ['admin', 'caseworker'],
  assessVulnerability: ['admin', 'caseworker', 'livelihood-officer'],
  readTimeline: staffWhoReadCases,
  readSummary: staffWhoReadCases,
} as const satisfies Record<string, readonly StaffRole[]>;
