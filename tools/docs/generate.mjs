// Writes the documents generated from the code (docs/events.md, docs/asyncapi.yaml and the
// variables table of docs/configuration.md):
//   npm run docs             write them
//   npm run docs -- --check  only say which differ from the code (exit 1), as the unit test does
// The generators are TypeScript (tools/docs/*.ts) that import the contracts and the services'
// configuration; SWC compiles them in memory here, with the build's own options, so no build is needed.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { installDependenciesIfMissing } from '../run/install.mjs';

installDependenciesIfMissing();
const require = createRequire(import.meta.url);
const swc = require('@swc/core');
const swcOptions = require('../build/swc-options.cjs');

require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), { ...swcOptions(), filename, sourceMaps: 'inline', swcrc: false });
  module._compile(code, filename);
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const { generatedDocuments } = require('./generated-documents.ts');

let stale = 0;
for (const { file, render } of generatedDocuments()) {
  const full = path.join(root, file);
  const current = readFileSync(full, 'utf8');
  const wanted = render(current);
  if (wanted === current) continue;
  if (values.check) {
    console.error(`${file} differs from the code`);
    stale += 1;
  } else {
    writeFileSync(full, wanted);
    console.log(`wrote ${file}`);
  }
}
if (stale > 0) {
  console.error('run `npm run docs` and commit the result');
  process.exit(1);
}
