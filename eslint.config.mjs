// Lint is about boundaries: a pillar never imports another pillar, apps meet only through the
// contracts and the shared libs, domain code depends on nothing with I/O, and only tests use the
// testing library. Tags live in each project.json.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const root = path.dirname(fileURLToPath(import.meta.url));
const apps = ['gateway', 'intake', 'projection', 'audit', 'rescue', 'rehabilitation', 'legal', 'livelihood'];

const layers = (testing) => [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:infra', ...testing] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:infra', ...testing] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', ...testing] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', ...testing] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:infra'] },
  // Each app is its own scope, and a pillar's domain library (libs/<pillar>/domain) shares its
  // app's: a scope depends on itself and the shared libraries only, so no app and no pillar's
  // rules import another's, and the shared libraries import no pillar.
  ...apps.map((app) => ({ sourceTag: `scope:${app}`, onlyDependOnLibsWithTags: [`scope:${app}`, 'scope:shared'] })),
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
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
 * Domain rules (deciders, evolve, state) are pure: no database, broker, file, network or
 * framework. They live in the libraries tagged `type:domain` (each pillar's libs/<pillar>/domain,
 * and libs/decider); the module boundaries keep those from the infrastructure libraries, and this
 * keeps them from the packages that do I/O. Their `*.spec.ts` are given/when/then, pure too.
 */
const ioModules = [
  'mongodb', 'mongodb/*', 'mongoose', 'mongoose/*', 'kafkajs', 'kafkajs/*', '@nestjs/*', 'express', 'undici', 'pino', 'pino-http',
  'fs', 'fs/*', 'node:fs', 'node:fs/*', 'http', 'https', 'node:http', 'node:https', 'http2', 'node:http2', 'net', 'node:net', 'tls', 'node:tls',
  'dgram', 'node:dgram', 'dns', 'node:dns', 'child_process', 'node:child_process',
  '@mukti/persistence', '@mukti/messaging', '@mukti/http', '@mukti/security', '@mukti/observability', '@mukti/config',
];
/** Every file of the libraries tagged `type:domain`, found by their project.json: a new one is held pure the day it is tagged. */
export const domainFiles = readdirSync(path.join(root, 'libs'), { recursive: true })
  .filter((file) => path.basename(file) === 'project.json')
  .map((file) => path.join('libs', file))
  .filter((file) => JSON.parse(readFileSync(path.join(root, file), 'utf8')).tags?.includes('type:domain'))
  .map((file) => `${path.dirname(file).split(path.sep).join('/')}/**/*.ts`);
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
