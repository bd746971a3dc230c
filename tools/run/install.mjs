// Installs the npm dependencies from the lock file when they are missing (a fresh clone).
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function installDependenciesIfMissing() {
  if (existsSync(path.join(root, 'node_modules', '.package-lock.json'))) return;
  console.error('installing npm dependencies (npm ci)...');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}
