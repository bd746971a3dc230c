import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appConfigs, appNames, portVariable } from './app-variables';
import { readRepoFile, repoPath } from './support';

/**
 * Dockerfile: multi-stage build from a pinned Node 20 image for the service named by APP (a missing
 * or unknown APP fails the build: its check is run here with sh), install and build shared by all
 * services, runtime stage without dev tooling, non-root, production mode, liveness healthcheck,
 * right entry point.
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

  it('is the only Dockerfile: no service has its own', () => {
    const own = readdirSync(repoPath('apps'))
      .flatMap((app) => readdirSync(repoPath('apps', app)).filter((f) => /dockerfile/i.test(f)).map((f) => `apps/${app}/${f}`));
    expect(own).toEqual([]);
  });

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

  it('installs with npm ci, builds, and drops dev dependencies', () => {
    const build = parsed().stages.slice(0, -1).flat();
    const runs = build.filter((i) => i.keyword === 'RUN').map((i) => i.args).join('\n');
    expect(runs).toMatch(/\bnpm ci\b/);
    expect(runs).toMatch(/\bnpm run build\b/);
    expect(runs).toMatch(/npm prune --omit=dev|npm ci [^\n]*--omit=dev/);
  });

  it('declares APP in each stage only after the steps every service shares, so they are cached once', () => {
    // An ARG is an environment variable of every later RUN: declared before npm ci, it would make
    // each service redo the install and the build.
    for (const stage of parsed().stages) {
      const argAt = stage.findIndex((i) => i.keyword === 'ARG' && i.args.split('=')[0] === 'APP');
      const shared = stage
        .map((i, index) => ({ i, index }))
        .filter(({ i }) => i.keyword === 'COPY' || (i.keyword === 'RUN' && /\bnpm\b/.test(i.args)));
      const late = shared.filter(({ index }) => argAt >= 0 && index > argAt).map(({ i }) => `line ${i.line}: ${i.keyword} ${i.args}`);
      expect({ stage: stage[0].args, argAt: argAt >= 0, late }).toEqual({ stage: stage[0].args, argAt: true, late: [] });
    }
  });

  describe('the APP check of the build stage, run with sh', () => {
    let dir = '';
    beforeAll(() => {
      // What the check sees in the build stage: apps/ and the compiled dist/apps/<app>/src/main.js.
      dir = mkdtempSync(join(tmpdir(), 'mukti-dockerfile-'));
      for (const app of appNames) {
        mkdirSync(join(dir, 'apps', app, 'src'), { recursive: true });
        mkdirSync(join(dir, 'dist', 'apps', app, 'src'), { recursive: true });
        writeFileSync(join(dir, 'dist', 'apps', app, 'src', 'main.js'), '');
      }
      mkdirSync(join(dir, 'dist', 'libs', 'http', 'src'), { recursive: true });
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    /** The RUN after `ARG APP` in the build stage that reads ${APP}. */
    const check = (): string => {
      const build = parsed().stages.slice(0, -1).flat();
      const argAt = build.findIndex((i) => i.keyword === 'ARG' && i.args === 'APP');
      const run = build.slice(argAt + 1).find((i) => i.keyword === 'RUN' && /\$\{?APP\b/.test(i.args));
      if (argAt < 0 || !run) throw new Error('the build stage has no `ARG APP` followed by a RUN that checks ${APP}');
      return run.args;
    };
    // As docker does: an ARG without a value is not in the environment of RUN.
    const attempt = (app: string | undefined) =>
      spawnSync('sh', ['-c', check()], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...(app === undefined ? {} : { APP: app }) },
        encoding: 'utf8',
      });

    it.each([
      ['missing', undefined],
      ['empty', ''],
      ['not an app', 'worker'],
      ['a path out of apps/', '../apps/intake'],
      ['a lib', '../libs/http'],
      ['with a space', 'intake x'],
    ])('fails the build with a message when APP is %s', (_what, app) => {
      const result = attempt(app);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('APP must name an app under apps/');
    });

    it.each(appNames.map((app) => [app]))('passes for APP=%s', (app) => {
      const result = attempt(app);
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    });
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
