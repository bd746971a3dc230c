export * from './define-config';
export * from './kafka-credentials';
