// The Kafka principals the local broker is formatted with, and their development passwords, read
// from their one declaration (libs/contracts/src/kafka-access.ts, libs/config/src/kafka-credentials.ts).
// Those files import nothing but each other's neighbours, so SWC compiles them here in memory:
// the broker can be formatted before the first build.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/** A TypeScript module with relative imports only, compiled to CommonJS and evaluated (also tools/deploy/strimzi.mjs). */
export function loadTypeScript(file, swc, cache = new Map()) {
  if (cache.has(file)) return cache.get(file).exports;
  const { code } = swc.transformSync(fs.readFileSync(file, 'utf8'), {
    filename: file,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    swcrc: false,
  });
  const module = { exports: {} };
  cache.set(file, module);
  const localRequire = (specifier) => {
    if (!specifier.startsWith('.')) throw new Error(`${file}: only relative imports can be loaded here (got ${specifier})`);
    return loadTypeScript(path.resolve(path.dirname(file), `${specifier}.ts`), swc, cache);
  };
  vm.runInThisContext(`(function (exports, require, module) {${code}\n})`, { filename: file })(module.exports, localRequire, module);
  return module.exports;
}

/** [{ name, password }] for every principal the broker knows: each service, the analyst, the super-user. */
export function developmentKafkaUsers(repoRoot) {
  let swc;
  try {
    swc = createRequire(path.join(repoRoot, 'package.json'))('@swc/core');
  } catch {
    throw new Error('formatting the local Kafka needs @swc/core (run npm ci first)');
  }
  const { kafkaPrincipals, provisioningPrincipal } = loadTypeScript(path.join(repoRoot, 'libs/contracts/src/kafka-access.ts'), swc);
  const { developmentKafkaPassword } = loadTypeScript(path.join(repoRoot, 'libs/config/src/kafka-credentials.ts'), swc);
  return { superUser: provisioningPrincipal, users: kafkaPrincipals.map((name) => ({ name, password: developmentKafkaPassword(name) })) };
}
