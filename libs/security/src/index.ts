export * from './staff-token';
export * from './service-token';
export * from './auth.guard';
export * from './personal-data-vault';
export * from './fingerprint';
export * from './access-policy';
export * from './known-people';
export * from './known-people.event-handlers';
