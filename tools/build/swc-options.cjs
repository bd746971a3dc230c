// One SWC configuration for the build and for jest, so tests run the code as it ships:
// TypeScript with legacy decorators and their metadata (NestJS needs both), CommonJS for Node 20,
// and the @mukti/* path aliases of tsconfig.base.json rewritten to relative imports.
const path = require('node:path');
const { compilerOptions } = require('../../tsconfig.base.json');

const root = path.resolve(__dirname, '../..');

module.exports = function swcOptions() {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
      baseUrl: root,
      paths: compilerOptions.paths,
    },
    module: { type: 'commonjs' },
    sourceMaps: true,
  };
};
