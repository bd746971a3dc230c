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
];
