export * from './intake/register-person.request';
export * from './intake/record-consent.request';
export * from './intake/assess-vulnerability.request';
export * from './intake/person.view';
export * from './intake/assign-staff.request';
export * from './projection/timeline.view';
export * from './endpoint-roles';
export * from './audit/audit.view';
