export * from './mongo-connection';
export * from './aggregate-store';
export * from './duplicate-key';
export * from './command-handling';
export * from './service-database';
export * from './deadline-watch';
export * from './fenced-change';
export * from './version-claims';
