// Test kinds by file name: *.unit.spec.ts (no I/O), *.int.spec.ts (real broker and store),
// *.e2e.spec.ts (service processes and HTTP). `npm test` runs all three against one broker and
// one store; the suites use unique topics, groups and databases so they never see each other.
const swcOptions = require('./tools/build/swc-options.cjs');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);
const transform = { '^.+\\.ts$': ['@swc/jest', { ...swcOptions(), swcrc: false }] };
const kind = (displayName, pattern, extra = {}) => ({
  displayName,
  testMatch: [`<rootDir>/{apps,libs,tools,e2e}/**/*.${pattern}.spec.ts`],
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
  setupFiles: ['reflect-metadata', '<rootDir>/tools/run/development-defaults.cjs'],
  ...extra,
});

module.exports = {
  // Unit, then integration, then end to end; the suites that publish the most last (see the sequencer).
  testSequencer: '<rootDir>/tools/run/test-sequencer.cjs',
  projects: [
    kind('unit', 'unit'),
    kind('int', 'int', { slowTestThreshold: 20 }),
    kind('e2e', 'e2e', { slowTestThreshold: 60 }),
    // Long runs that are not part of npm test (npm run replicas sets it).
    ...(process.env.MUKTI_LONG_RUNS === '1' ? [kind('long', 'long', { slowTestThreshold: 300 })] : []),
  ],
};
