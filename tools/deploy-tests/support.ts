import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments, parseDocument } from 'yaml';

/** Repository root (this file lives in tools/deploy-tests/). */
export const repoRoot = resolve(__dirname, '..', '..');

export function repoPath(...parts: string[]): string {
  return join(repoRoot, ...parts);
}

export function readRepoFile(path: string): string {
  const full = repoPath(path);
  if (!existsSync(full)) {
    throw new Error(`${path} does not exist (looked at ${full})`);
  }
  return readFileSync(full, 'utf8');
}

function describeYamlProblems(path: string, problems: readonly { message: string }[]): string {
  return `${path} is not valid YAML:\n${problems.map((p) => `  - ${p.message}`).join('\n')}`;
}

/**
 * Parses one YAML document, failing on any syntax error or warning (duplicate keys,
 * unresolved aliases, ...). `merge` enables `<<:` merge keys as docker compose does.
 */
export function readYaml<T = unknown>(path: string, options: { merge?: boolean } = {}): T {
  const doc = parseDocument(readRepoFile(path), { merge: options.merge ?? false, uniqueKeys: true });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    throw new Error(describeYamlProblems(path, problems));
  }
  return doc.toJS({ maxAliasCount: -1 }) as T;
}

/** Parses a multi-document YAML file; empty documents (e.g. a trailing `---`) are skipped. */
export function readYamlDocuments(path: string): unknown[] {
  const docs = parseAllDocuments(readRepoFile(path), { uniqueKeys: true });
  if (!Array.isArray(docs)) {
    // parseAllDocuments returns an EmptyStream for an empty file
    return [];
  }
  const problems = docs.flatMap((d) => [...d.errors, ...d.warnings]);
  if (problems.length > 0) {
    throw new Error(describeYamlProblems(path, problems));
  }
  return docs.map((d) => d.toJS()).filter((o) => o !== null && o !== undefined);
}

/** Folders under apps/ that contain an application entry point (src/main.ts). */
export function appsWithEntryPoint(): string[] {
  const appsDir = repoPath('apps');
  if (!existsSync(appsDir)) {
    return [];
  }
  return readdirSync(appsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(appsDir, e.name, 'src', 'main.ts')))
    .map((e) => e.name)
    .sort();
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
