export * from './validation';
export * from './error.filter';
export * from './service-app';
export * from './health';
export * from './request-context';
export * from './run-service';
export * from './access-reason';
export * from './staff-endpoint';
