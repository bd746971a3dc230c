// One project's unit tests as its own jest configuration, for Nx: each project's jest.config.cjs
// is this, so `nx run-many -t test` and `nx affected -t test` run (and cache) each project's
// *.unit.spec.ts apart. Same transform, aliases and setup as the root jest.config.js that
// `npm test` runs (unit, int and e2e together against a real broker and store).
const path = require('node:path');
const swcOptions = require('./tools/build/swc-options.cjs');
const { compilerOptions } = require('./tsconfig.base.json');

const root = __dirname;
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, path.join(root, target)]),
);

module.exports = function projectJestConfig(projectDir) {
  return {
    displayName: `${path.relative(root, projectDir)} (unit)`,
    rootDir: projectDir,
    testMatch: ['<rootDir>/**/*.unit.spec.ts'],
    testEnvironment: 'node',
    transform: { '^.+\\.ts$': ['@swc/jest', { ...swcOptions(), swcrc: false }] },
    moduleNameMapper,
    setupFiles: ['reflect-metadata', path.join(root, 'tools/run/development-defaults.cjs')],
    // A project with no unit tests yet passes: its int tests run with npm test.
    passWithNoTests: true,
  };
};
