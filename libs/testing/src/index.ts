export * from './test-infrastructure';
export * from './topic-reader';
export * from './eventually';
export * from './staff-token';
export * from './manual-clock';
export * from './health-details';
export * from './intake-sealing-stand-in';
export * from './events-recorded-in-clear';
