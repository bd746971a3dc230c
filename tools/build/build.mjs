// Compiles every app and lib (not the tests) into dist/, mirroring the source tree, with SWC.
// Type checking is a separate step (`npm run typecheck`), so a build takes seconds.
import { createRequire } from 'node:module';
import { copyFile, readdir, mkdir, writeFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const swc = require('@swc/core');
const swcOptions = require('./swc-options.cjs');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) yield full;
    // Data the code imports (the minimum-wage table): shipped as it is.
    else if (entry.name.endsWith('.json')) yield full;
  }
}

/** Every project's folder: apps/<name>, libs/<name>, and libs/<scope>/<type> (a pillar's domain rules). */
async function* projects(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = path.join(dir, entry.name);
    if (existsSync(path.join(full, 'project.json'))) yield full;
    else yield* projects(full);
  }
}

export async function build() {
  await rm(dist, { recursive: true, force: true });
  const started = Date.now();
  let count = 0;
  for (const scope of ['apps', 'libs']) {
    for await (const project of projects(path.join(root, scope))) {
      const src = path.join(project, 'src');
      // Test helpers never ship.
      if (!existsSync(src) || path.relative(root, project) === path.join('libs', 'testing')) continue;
      for await (const file of sources(src)) {
        if (file.endsWith('.json')) {
          const copy = path.join(dist, path.relative(root, file));
          await mkdir(path.dirname(copy), { recursive: true });
          await copyFile(file, copy);
          continue;
        }
        const out = path.join(dist, path.relative(root, file)).replace(/\.ts$/, '.js');
        const { code, map } = await swc.transformFile(file, {
          ...swcOptions(),
          filename: file,
          outputPath: out,
          sourceFileName: path.relative(path.dirname(out), file),
          swcrc: false,
        });
        await mkdir(path.dirname(out), { recursive: true });
        await writeFile(out, `${code}\n//# sourceMappingURL=${path.basename(out)}.map\n`);
        if (map) await writeFile(`${out}.map`, map);
        count += 1;
      }
    }
  }
  console.error(`build: ${count} files compiled into dist/ in ${Date.now() - started} ms`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  build().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
