import { spawnSync } from 'node:child_process';
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

/**
 * What `kubectl kustomize <dir>` renders (kustomize itself, as `kubectl apply -k` would apply it;
 * kubectl ships it offline), or `kustomize build <dir>` where only the standalone binary exists.
 */
export function renderKustomization(dir: string): Record<string, unknown>[] {
  const attempts: [string, string[]][] = [
    ['kubectl', ['kustomize', repoPath(dir)]],
    ['kustomize', ['build', repoPath(dir)]],
  ];
  const missing: string[] = [];
  for (const [command, args] of attempts) {
    const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
      missing.push(command);
      continue;
    }
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
    const docs = parseAllDocuments(result.stdout, { uniqueKeys: true });
    const problems = (Array.isArray(docs) ? docs : []).flatMap((d) => [...d.errors, ...d.warnings]);
    if (problems.length > 0) throw new Error(describeYamlProblems(`${dir} (rendered)`, problems));
    return (Array.isArray(docs) ? docs : []).map((d) => d.toJS()).filter(isRecord);
  }
  throw new Error(`rendering ${dir} needs kustomize: neither ${missing.join(' nor ')} is on PATH`);
}

/** A kubernetes-models class: validates an object of its kind against the Kubernetes schema. */
export type KubernetesModel = new (data: never) => { validate(): void };

/**
 * What is wrong with each object against the model of its kind (`apiVersion/kind`), one line per
 * problem; a kind without a model is a problem too, unless listed in `unchecked`.
 */
export function schemaProblems(
  objects: { id: string; object: { apiVersion: string; kind: string } }[],
  models: Record<string, KubernetesModel>,
  unchecked: readonly string[] = [],
): string[] {
  const problems: string[] = [];
  for (const { id, object } of objects) {
    const kind = `${object.apiVersion}/${object.kind}`;
    if (unchecked.includes(kind)) continue;
    const Model = models[kind];
    if (!Model) {
      problems.push(`${id}: no model registered for ${kind}`);
      continue;
    }
    try {
      new Model(object as never).validate();
    } catch (e) {
      problems.push(`${id}: ${(e as Error).message}`);
    }
  }
  return problems;
}

/** The TypeScript files below a folder of the repository, tests left out. */
export function typeScriptSources(...folder: string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.includes('.spec.')) files.push(full);
    }
  };
  walk(repoPath(...folder));
  return files;
}
