import type { StaffRole } from '@mukti/contracts';

export interface StaffEndpoint {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As the OpenAPI document writes it. */
  readonly path: string;
  readonly roles: readonly StaffRole[];
}

const staffWhoReadCases: StaffRole[] = ['admin', 'caseworker', 'counsellor', 'rescue-coordinator', 'livelihood-officer', 'legal-officer'];

/**
 * Every staff endpoint and the roles that may call it: the one table that the gateway and the
 * owning services enforce (each with @Roles(...endpointRoles.x)), that the OpenAPI document
 * states, and that the role-by-endpoint test walks (it also fails on an endpoint missing here).
 * Analysts are on none of these: they get indicators and the de-identified stream, never a person.
 */
export const staffEndpoints = {
  registerPerson: { method: 'POST', path: '/api/v1/people', roles: ['admin', 'caseworker', 'rescue-coordinator'] },
  readPerson: { method: 'GET', path: '/api/v1/people/{personId}', roles: staffWhoReadCases },
  recordConsent: { method: 'POST', path: '/api/v1/people/{personId}/consents', roles: ['admin', 'caseworker'] },
  assessVulnerability: {
    method: 'POST',
    path: '/api/v1/people/{personId}/vulnerability-assessments',
    roles: ['admin', 'caseworker', 'livelihood-officer'],
  },
  assignStaff: { method: 'POST', path: '/api/v1/people/{personId}/assignments', roles: ['admin', 'caseworker'] },
  unassignStaff: { method: 'DELETE', path: '/api/v1/people/{personId}/assignments/{staffId}', roles: ['admin', 'caseworker'] },
  erasePerson: { method: 'POST', path: '/api/v1/people/{personId}/erasure', roles: ['admin'] },
  readTimeline: { method: 'GET', path: '/api/v1/people/{personId}/timeline', roles: staffWhoReadCases },
  readSummary: { method: 'GET', path: '/api/v1/people/{personId}/summary', roles: staffWhoReadCases },
  planRescueOperation: { method: 'POST', path: '/api/v1/rescue-operations', roles: ['admin', 'rescue-coordinator'] },
  recordRescue: { method: 'POST', path: '/api/v1/rescue-operations/{operationId}/rescue', roles: ['admin', 'rescue-coordinator'] },
  recordPostRescueStep: {
    method: 'POST',
    path: '/api/v1/rescue-operations/{operationId}/persons/{personId}/steps',
    roles: ['admin', 'rescue-coordinator', 'caseworker'],
  },
  readAuditTrail: { method: 'GET', path: '/api/v1/audit', roles: ['admin'] },
  readIndicators: { method: 'GET', path: '/api/v1/indicators', roles: ['admin', 'analyst'] },
  exportHtcds: { method: 'GET', path: '/api/v1/research/htcds-export', roles: ['admin', 'analyst'] },
} as const satisfies Record<string, StaffEndpoint>;

export type StaffEndpointName = keyof typeof staffEndpoints;

export const endpointRoles = Object.fromEntries(
  Object.entries(staffEndpoints).map(([name, endpoint]) => [name, endpoint.roles]),
) as { readonly [N in StaffEndpointName]: (typeof staffEndpoints)[N]['roles'] };
