/**
 * The lint rules bite (eslint.config.mjs): a file in a `domain/` folder that imports I/O, a
 * framework or an infrastructure library fails `npm run lint`; the same import in a command
 * handler does not, nor a domain file importing the contracts; and the module boundaries run.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

jest.setTimeout(120_000);
const root = path.resolve(__dirname, '../..');

/** ESLint's findings of a rule on a file's text, as if it were at `file`. */
function findings(file: string, text: string, rule = 'no-restricted-imports'): { line: number; message: string }[] {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', file], {
    cwd: root,
    input: text,
    encoding: 'utf8',
  });
  const [report] = JSON.parse(result.stdout) as { messages: { ruleId: string | null; line: number; message: string }[] }[];
  return report!.messages.filter((message) => message.ruleId === rule).map(({ line, message }) => ({ line, message }));
}

const io = [
  "import { MongoClient } from 'mongodb';",
  "import { Schema } from 'mongoose';",
  "import { Kafka } from 'kafkajs';",
  "import { readFileSync } from 'node:fs';",
  "import { request } from 'node:http';",
  "import { Injectable } from '@nestjs/common';",
  "import { commitId } from '@mukti/persistence';",
  "import { EventPublisher } from '@mukti/messaging';",
  "import { ServiceClient } from '@mukti/http';",
].join('\n');

it('fails a domain file for each I/O import, in an app and in libs/decider', () => {
  for (const file of ['apps/intake/src/person/domain/lint-probe.ts', 'libs/decider/src/lint-probe.ts']) {
    const found = findings(file, `${io}\nexport const probe = 1;\n`);
    expect(found.map(({ line }) => line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(found[0]!.message).toContain('domain code is pure');
  }
});

it('lets a domain file import the contracts, and a command handler import I/O', () => {
  expect(findings('apps/intake/src/person/domain/lint-probe.ts', "import { intakeEventTypes } from '@mukti/contracts';\nexport const probe = intakeEventTypes;\n")).toEqual([]);
  expect(findings('apps/intake/src/person/commands/lint-probe.ts', `${io}\nexport const probe = 1;\n`)).toEqual([]);
});

it('runs the module boundaries too (Nx computes its project graph before lint): shipped code may not use the testing library', () => {
  const found = findings('apps/rescue/src/lint-probe.ts', "import { bearer } from '@mukti/testing';\nexport const probe = bearer;\n", '@nx/enforce-module-boundaries');
  expect(found.map(({ line }) => line)).toEqual([1]);
});
