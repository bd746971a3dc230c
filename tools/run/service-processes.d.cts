import type { ChildProcess } from 'node:child_process';

export type ServiceName = 'intake' | 'projection' | 'audit' | 'rescue' | 'rehabilitation' | 'legal' | 'livelihood' | 'gateway';
export interface ServiceHandle {
  name: ServiceName;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}
export const platformServices: readonly ServiceName[];
export type PlatformEnvironment = Record<ServiceName, Record<string, string>> & { ports: Record<ServiceName, number> };

export function withDatabase(uri: string, database: string): string;
export function platformEnvironment(options: {
  kafkaBrokers: string;
  mongodbUri: string;
  ports?: Partial<Record<ServiceName, number>>;
  databasePrefix?: string;
  consumerGroupPrefix?: string;
  extra?: Record<string, string>;
}): PlatformEnvironment;
export function startService(
  name: ServiceName,
  environment: Record<string, string>,
  options?: { output?: (line: string) => void; readyTimeoutMs?: number },
): Promise<ServiceHandle>;
export function waitUntilReady(name: string, url: string, child: ChildProcess, timeoutMs?: number): Promise<void>;
export function localKafka(brokers: string, clientId: string): import('kafkajs').Kafka;
export function provisionKafka(environment: Record<string, string>, services?: readonly ServiceName[]): Promise<{ topics: string[]; acls: unknown[] }>;
export function freePort(): Promise<number>;
export interface Platform {
  environment: PlatformEnvironment;
  services: readonly ServiceName[];
  gatewayUrl: string;
  url(name: ServiceName): string;
  process(name: ServiceName): ServiceHandle | undefined;
  start(name: ServiceName): Promise<ServiceHandle>;
  kill(name: ServiceName): Promise<unknown>;
  restart(name: ServiceName): Promise<ServiceHandle>;
  pause(name: ServiceName): void;
  resume(name: ServiceName): void;
  stop(options?: { kill?: boolean }): Promise<void>;
  dropDatabases(): Promise<void>;
}
export function startPlatform(options: {
  kafkaBrokers: string;
  mongodbUri: string;
  services?: readonly ServiceName[];
  databasePrefix: string;
  consumerGroupPrefix?: string;
  extra?: Record<string, string>;
  output?: (service: ServiceName, line: string) => void;
  readyTimeoutMs?: number;
}): Promise<Platform>;
