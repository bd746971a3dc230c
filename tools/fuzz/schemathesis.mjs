// Schemathesis, pinned with every dependency and its hashes (tools/fuzz/requirements.txt), in a
// virtual environment under the git-ignored .cache/: created on first use, re-created when the
// requirements change, so a fresh clone needs only python3 (3.11 or later, as schemathesis asks) and the network.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const requirements = path.join(root, 'tools/fuzz/requirements.txt');
const environment = path.join(root, '.cache/fuzz-venv');
const bin = path.join(environment, process.platform === 'win32' ? 'Scripts' : 'bin');
/** Written after a complete install: a half-made environment (an interrupted run) is made again. */
const stamp = path.join(environment, 'requirements.sha256');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

/** The schemathesis executable, installing it first if needed. */
export function ensureSchemathesis({ quiet = false } = {}) {
  const wanted = createHash('sha256').update(readFileSync(requirements)).digest('hex');
  const executable = path.join(bin, 'schemathesis');
  if (existsSync(executable) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted) return executable;
  if (!quiet) console.log('[fuzz] installing schemathesis into .cache/fuzz-venv (once, about 20 s)');
  rmSync(environment, { recursive: true, force: true });
  const python = process.env.PYTHON ?? 'python3';
  run(python, ['-m', 'venv', environment]);
  // --require-hashes: every file must match the hash recorded when the versions were pinned.
  run(path.join(bin, 'python'), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--require-hashes', '--no-deps', '-r', requirements]);
  writeFileSync(stamp, `${wanted}\n`);
  return executable;
}
