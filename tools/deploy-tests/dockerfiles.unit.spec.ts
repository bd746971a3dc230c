import { appConfigs, appNames, portVariable } from './app-variables';
import { readRepoFile } from './support';

/**
 * Dockerfile: multi-stage build from a pinned Node 20 image for the service named by APP, runtime
 * stage without dev tooling, non-root, production mode, liveness healthcheck, right entry point.
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

describe('Dockerfile (one recipe, the service chosen by --build-arg APP)', () => {
  const parsed = (): ReturnType<typeof stages> => stages(instructions(readRepoFile('Dockerfile')));
  const runtime = (): Instruction[] => parsed().stages[parsed().stages.length - 1];
  const last = (keyword: string): Instruction | undefined => runtime().filter((i) => i.keyword === keyword).pop();
  // The port each service listens on by default, from its own configuration.
  const portOf = (app: (typeof appNames)[number]) =>
    Number((appConfigs[app].variables as Record<string, { defaultValue?: string }>)[portVariable[app]].defaultValue);

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

  it('installs with npm ci, refuses a missing or unknown APP, builds, and drops dev dependencies', () => {
    const build = parsed().stages.slice(0, -1).flat();
    expect(build.some((i) => i.keyword === 'ARG' && i.args === 'APP')).toBe(true);
    const runs = build.filter((i) => i.keyword === 'RUN').map((i) => i.args).join('\n');
    expect(runs).toMatch(/\bnpm ci\b/);
    expect(runs).toMatch(/\bnpm run build\b/);
    expect(runs).toMatch(/npm prune --omit=dev|npm ci [^\n]*--omit=dev/);
    expect(runs).toMatch(/-z "\$\{APP\}"/);
    expect(runs).toContain('apps/${APP}/src/main.ts');
    expect(runs).toContain('exit 1');
  });

  it('runs the chosen service as the node user in production mode, with node receiving signals itself', () => {
    const env = Object.assign({}, ...runtime().filter((i) => i.keyword === 'ENV').map((i) => envPairs(i.args)));
    expect(env.NODE_ENV).toBe('production');
    expect(env.MUKTI_APP).toBe('${APP}');
    expect(jsonArray(last('CMD')?.args ?? '', 'CMD')).toEqual(['sh', '-c', 'exec node dist/apps/${MUKTI_APP}/src/main.js']);
    expect(last('USER')?.args).toBe('node');
    for (const app of appNames) expect(last('EXPOSE')?.args.split(/\s+/)).toContain(String(portOf(app)));
  });

  it('copies only node_modules, dist and package.json into the runtime stage', () => {
    const copied = runtime()
      .filter((i) => i.keyword === 'COPY')
      .map((i) => i.args.split(/\s+/).filter((a) => !a.startsWith('--'))[0]);
    expect(copied.sort()).toEqual(['/app/dist', '/app/node_modules', '/app/package.json']);
    expect(runtime().filter((i) => i.keyword === 'COPY').every((i) => i.args.includes('--from='))).toBe(true);
  });

  it("checks liveness with the probe that reads the service's own port", () => {
    const hc = last('HEALTHCHECK');
    const cmd = /\bCMD\s+(\[.*\])\s*$/s.exec(hc?.args ?? '')?.[1] ?? '';
    const argv = jsonArray(cmd, 'HEALTHCHECK CMD');
    expect(argv).toEqual(['node', 'dist/libs/http/src/liveness-probe.js']);
    expect(readRepoFile('libs/http/src/liveness-probe.ts')).toContain('/health/live');
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
