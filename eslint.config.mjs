// Lint is about boundaries: a pillar never imports another pillar, apps meet only through the
// contracts and the shared libs, domain code depends on nothing with I/O, and only tests use the
// testing library. Tags live in each project.json.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const apps = ['gateway', 'intake', 'projection', 'audit', 'rescue', 'rehabilitation', 'legal', 'livelihood'];

const layers = (testing) => [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:infra', ...testing] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:infra', ...testing] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', ...testing] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', ...testing] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:infra'] },
  // Each app is its own scope: no app imports another.
  ...apps.map((app) => ({ sourceTag: `scope:${app}`, notDependOnLibsWithTags: apps.filter((other) => other !== app).map((other) => `scope:${other}`) })),
];

const boundaries = (testing) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    // The process launcher is shared by npm start and the tests; it is a script, not a project.
    allow: ['../../../tools/run/service-processes.cjs'],
    depConstraints: layers(testing),
    // Cycles made by tests only: a library's int specs use the testing library (which builds on
    // it) and, for the messaging relay, the aggregate store (which publishes through it). Nx's
    // graph counts spec files; the code that ships has no cycle, and any other cycle fails.
    ignoredCircularDependencies: [
      ['messaging', 'testing'],
      ['security', 'testing'],
      ['messaging', 'persistence'],
      ['security', 'messaging'],
    ],
  },
];

/**
 * Domain rules (deciders, evolve, state: every `domain/` folder, and libs/decider) are pure: no
 * database, broker, file, network or framework. Until they move into `type:domain` libraries,
 * this holds them where they are; `*.spec.ts` beside them are given/when/then, pure too.
 */
const ioModules = [
  'mongodb', 'mongodb/*', 'mongoose', 'mongoose/*', 'kafkajs', 'kafkajs/*', '@nestjs/*', 'express', 'undici', 'pino', 'pino-http',
  'fs', 'fs/*', 'node:fs', 'node:fs/*', 'http', 'https', 'node:http', 'node:https', 'http2', 'node:http2', 'net', 'node:net', 'tls', 'node:tls',
  'dgram', 'node:dgram', 'dns', 'node:dns', 'child_process', 'node:child_process',
  '@mukti/persistence', '@mukti/messaging', '@mukti/http', '@mukti/security', '@mukti/observability', '@mukti/config',
];
export const domainFiles = ['apps/**/domain/**/*.ts', 'libs/**/domain/**/*.ts', 'libs/decider/src/**/*.ts'];
const pureDomain = [
  'error',
  {
    patterns: [
      {
        group: ioModules,
        message: 'domain code is pure (decide, evolve, state): I/O, frameworks and infrastructure libraries belong in the command handlers and adapters around it',
      },
    ],
  },
];

export default [
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', '.nx/**', 'coverage/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@nx': nx },
    rules: { '@nx/enforce-module-boundaries': boundaries([]) },
  },
  {
    files: ['**/*.spec.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(['type:testing']) },
  },
  {
    files: domainFiles,
    rules: { 'no-restricted-imports': pureDomain },
  },
];
