// First: tracing must patch HTTP, Express and MongoDB before they are loaded (see tracing-preload).
import './tracing-preload';
export * from './validation';
export * from './body-shape';
export * from './id-param';
export * from './error.filter';
export * from './service-app';
export * from './health';
export * from './request-context';
export * from './run-service';
export * from './access-reason';
export * from './staff-endpoint';
export * from './foundation-providers';
export * from './service-client';
export * from './identifying-text';
