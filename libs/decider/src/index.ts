export * from './decider';
export * from './domain-error';
export * from './specification';
export * from './clock';
export * from './staff-time';
export * from './calendar';
