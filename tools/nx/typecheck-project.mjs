// Type-checks one project's files (node tools/nx/typecheck-project.mjs libs/messaging) with the
// workspace's compiler options; what it imports from other projects is read, not reported on
// (their own typecheck does that). `npm run typecheck` checks the whole workspace at once.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const projectRoot = path.resolve(root, process.argv[2] ?? '.');

const configFile = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
const own = (file) => path.resolve(file).startsWith(projectRoot + path.sep);
const rootNames = parsed.fileNames.filter(own);
const program = ts.createProgram({ rootNames, options: { ...parsed.options, noEmit: true } });
const diagnostics = [...program.getGlobalDiagnostics(), ...program.getOptionsDiagnostics(), ...rootNames.flatMap((file) => {
  const source = program.getSourceFile(file);
  return source ? [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)] : [];
})];
if (diagnostics.length > 0) {
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' }));
  process.exit(1);
}
console.log(`typecheck ${path.relative(root, projectRoot)}: ${rootNames.length} files, no errors`);
