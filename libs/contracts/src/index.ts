export * from './envelope';
export * from './topics';
export * from './vocabulary';
export * from './personal-data';
export * from './intake/intake.events';
export * from './audit/audit.events';
export * from './analytics/analytics.events';
export * from './event-catalog';
