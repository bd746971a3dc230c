import { appConfigs, appNames, portVariable } from './app-variables';
import { readRepoFile } from './support';

/**
 * apps/<app>/Dockerfile: multi-stage build from a pinned Node 20 image, runtime stage
 * without dev tooling, non-root, production mode, liveness healthcheck, right entry point.
 * And .dockerignore keeps local state out of the build context without hiding sources.
 */

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/** Dockerfile instructions with continuation lines joined and comments dropped. */
function instructions(text: string): Instruction[] {
  const result: Instruction[] = [];
  let buffer = '';
  let start = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (buffer === '' && (line === '' || line.startsWith('#'))) return;
    if (buffer !== '' && line.startsWith('#')) return; // comment inside a continuation
    if (buffer === '') start = index + 1;
    if (line.endsWith('\\')) {
      buffer += `${line.slice(0, -1)} `;
      return;
    }
    buffer += line;
    const m = /^(\S+)\s*(.*)$/s.exec(buffer);
    if (m) result.push({ keyword: m[1].toUpperCase(), args: m[2].trim(), line: start });
    buffer = '';
  });
  if (buffer !== '') throw new Error('Dockerfile ends inside a line continuation');
  return result;
}

/** Splits at FROM into stages; ARGs before the first FROM are returned as `globalArgs`. */
function stages(all: Instruction[]): { globalArgs: Record<string, string>; stages: Instruction[][] } {
  const globalArgs: Record<string, string> = {};
  const result: Instruction[][] = [];
  for (const ins of all) {
    if (ins.keyword === 'FROM') result.push([ins]);
    else if (result.length === 0) {
      if (ins.keyword !== 'ARG') throw new Error(`line ${ins.line}: ${ins.keyword} before the first FROM`);
      const [name, value = ''] = ins.args.split('=');
      globalArgs[name.trim()] = value.trim();
    } else result[result.length - 1].push(ins);
  }
  return { globalArgs, stages: result };
}

function expand(value: string, args: Record<string, string>): string {
  return value.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (all, name: string) => args[name] ?? all);
}

/** ENV instruction in KEY=VALUE form (possibly several pairs). */
function envPairs(args: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const m of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g)) {
    pairs[m[1]] = m[2].replace(/^"|"$/g, '');
  }
  return pairs;
}

function jsonArray(args: string, what: string): string[] {
  try {
    const parsed: unknown = JSON.parse(args);
    if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string')) return parsed as string[];
  } catch {
    // fall through
  }
  throw new Error(`${what} must use the exec (JSON array) form, got: ${args}`);
}

describe.each(appNames.map((app) => [app]))('apps/%s/Dockerfile', (app) => {
  const path = `apps/${app}/Dockerfile`;
  const parsed = (): ReturnType<typeof stages> => stages(instructions(readRepoFile(path)));
  const runtime = (): Instruction[] => parsed().stages[parsed().stages.length - 1];
  const last = (keyword: string): Instruction | undefined => runtime().filter((i) => i.keyword === keyword).pop();
  // The port a service listens on by default, from its own configuration.
  const port = Number((appConfigs[app].variables as Record<string, { defaultValue?: string }>)[portVariable[app]].defaultValue);

  it('builds in stages from a pinned node:20 bookworm-slim image', () => {
    const { globalArgs, stages: all } = parsed();
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const stage of all) {
      const from = stage[0].args.split(/\s+/)[0];
      const image = expand(from, globalArgs);
      const isStage = all.some((s) => /\s+AS\s+(\S+)$/i.exec(s[0].args)?.[1] === image);
      if (!isStage) expect(image).toMatch(/^node:20\.\d+\.\d+-bookworm-slim(@sha256:[0-9a-f]{64})?$/);
    }
  });

  it('installs with npm ci, builds, and drops dev dependencies before the runtime stage', () => {
    const runs = parsed()
      .stages.slice(0, -1)
      .flat()
      .filter((i) => i.keyword === 'RUN')
      .map((i) => i.args)
      .join('\n');
    expect(runs).toMatch(/\bnpm ci\b/);
    expect(runs).toMatch(/\bnpm run build\b/);
    expect(runs).toMatch(/npm prune --omit=dev|npm ci [^\n]*--omit=dev/);
    expect(runs).toContain(`dist/apps/${app}/src/main.js`);
  });

  it('runs the compiled entry point as the node user in production mode', () => {
    expect(jsonArray(last('CMD')?.args ?? '', 'CMD')).toEqual(['node', `dist/apps/${app}/src/main.js`]);
    expect(last('USER')?.args).toBe('node');
    const env = Object.assign({}, ...runtime().filter((i) => i.keyword === 'ENV').map((i) => envPairs(i.args)));
    expect(env.NODE_ENV).toBe('production');
    expect(env[portVariable[app]]).toBe(String(port));
    expect(last('EXPOSE')?.args.split(/\s+/)).toContain(String(port));
  });

  it('copies only node_modules, dist and package.json into the runtime stage', () => {
    const copied = runtime()
      .filter((i) => i.keyword === 'COPY')
      .map((i) => i.args.split(/\s+/).filter((a) => !a.startsWith('--'))[0]);
    expect(copied.sort()).toEqual(['/app/dist', '/app/node_modules', '/app/package.json']);
    expect(runtime().filter((i) => i.keyword === 'COPY').every((i) => i.args.includes('--from='))).toBe(true);
  });

  it('checks liveness with node fetch against /health/live', () => {
    const hc = last('HEALTHCHECK');
    expect(hc).toBeDefined();
    const cmd = /\bCMD\s+(\[.*\])\s*$/s.exec(hc?.args ?? '')?.[1] ?? '';
    const argv = jsonArray(cmd, 'HEALTHCHECK CMD');
    expect(argv.slice(0, 2)).toEqual(['node', '-e']);
    expect(argv[2]).toContain('fetch(');
    expect(argv[2]).toContain('/health/live');
    expect(argv[2]).toContain(portVariable[app]);
    // The script must at least be valid JavaScript.
    expect(() => new Function(argv[2])).not.toThrow();
  });
});

describe('.dockerignore', () => {
  const patterns = (): string[] =>
    readRepoFile('.dockerignore')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));

  it('keeps local state and secrets out of the build context', () => {
    const p = patterns();
    for (const required of ['.git', 'dist', '.env']) expect(p).toContain(required);
    expect(p.some((x) => x === 'node_modules' || x === '**/node_modules')).toBe(true);
  });

  it('does not exclude what the image build needs', () => {
    const excluded = patterns().filter((x) => !x.startsWith('!'));
    for (const needed of ['package.json', 'package-lock.json', 'apps', 'libs', 'tools', 'tsconfig.base.json', 'tsconfig.json']) {
      expect({ needed, excludedBy: excluded.filter((x) => x === needed || x === `${needed}/` || x === '*' || x === '**') }).toEqual({
        needed,
        excludedBy: [],
      });
    }
  });
});
