/**
 * The lint rule that keeps domain code pure (eslint.config.mjs): a file in a `domain/` folder that
 * imports I/O, a framework or an infrastructure library fails `npm run lint`; the same import in a
 * command handler does not; a domain file importing the contracts does not.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

jest.setTimeout(120_000);
const root = path.resolve(__dirname, '../..');

/** ESLint's findings of the rule on a file's text, as if it were at `file`. */
function restrictedImports(file: string, text: string): { line: number; message: string }[] {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', file], {
    cwd: root,
    input: text,
    encoding: 'utf8',
  });
  const [report] = JSON.parse(result.stdout) as { messages: { ruleId: string | null; line: number; message: string }[] }[];
  return report!.messages.filter((message) => message.ruleId === 'no-restricted-imports').map(({ line, message }) => ({ line, message }));
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
    const found = restrictedImports(file, `${io}\nexport const probe = 1;\n`);
    expect(found.map(({ line }) => line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(found[0]!.message).toContain('domain code is pure');
  }
});

it('lets a domain file import the contracts, and a command handler import I/O', () => {
  expect(restrictedImports('apps/intake/src/person/domain/lint-probe.ts', "import { intakeEventTypes } from '@mukti/contracts';\nexport const probe = intakeEventTypes;\n")).toEqual([]);
  expect(restrictedImports('apps/intake/src/person/commands/lint-probe.ts', `${io}\nexport const probe = 1;\n`)).toEqual([]);
});
