/**
 * The lint rules bite (eslint.config.mjs): a file in a library tagged `type:domain` (a pillar's
 * libs/<pillar>/domain, libs/decider) that imports I/O, a framework or an infrastructure library
 * fails `npm run lint`; the same import in a command handler does not, nor a domain file importing
 * the contracts; and the module boundaries run, keeping each pillar's rules to its own pillar.
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

const domainLibraries = ['libs/intake/domain', 'libs/rescue/domain', 'libs/rehabilitation/domain', 'libs/legal/domain', 'libs/livelihood/domain', 'libs/decider'];

it('fails a domain file for each I/O import, in every pillar\'s domain library and in libs/decider', () => {
  for (const file of domainLibraries.map((library) => `${library}/src/lint-probe.ts`)) {
    const found = findings(file, `${io}\nexport const probe = 1;\n`);
    expect(found.map(({ line }) => line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(found[0]!.message).toContain('domain code is pure');
  }
});

it('lets a domain file import the contracts, and a command handler import I/O', () => {
  expect(findings('libs/intake/domain/src/person/lint-probe.ts', "import { intakeEventTypes } from '@mukti/contracts';\nexport const probe = intakeEventTypes;\n")).toEqual([]);
  expect(findings('apps/intake/src/person/commands/lint-probe.ts', `${io}\nexport const probe = 1;\n`)).toEqual([]);
});

it('runs the module boundaries too (Nx computes its project graph before lint): shipped code may not use the testing library', () => {
  const found = findings('apps/rescue/src/lint-probe.ts', "import { bearer } from '@mukti/testing';\nexport const probe = bearer;\n", '@nx/enforce-module-boundaries');
  expect(found.map(({ line }) => line)).toEqual([1]);
});

it('keeps a pillar\'s rules in their layer and their pillar: no infrastructure, no other pillar\'s rules, not from another pillar\'s app', () => {
  const boundaries = (file: string, text: string) => findings(file, text, '@nx/enforce-module-boundaries').map(({ line }) => line);
  expect(boundaries('libs/rescue/domain/src/lint-probe.ts', "import { commitId } from '@mukti/persistence';\nimport { personDecider } from '@mukti/intake-domain';\nexport const probe = [commitId, personDecider];\n")).toEqual([1, 2]);
  expect(boundaries('apps/rescue/src/lint-probe.ts', "import { caseDecider } from '@mukti/legal-domain';\nimport { rescueOperationDecider } from '@mukti/rescue-domain';\nexport const probe = [caseDecider, rescueOperationDecider];\n")).toEqual([1]);
  expect(boundaries('libs/messaging/src/lint-probe.ts', "import { carePlanDecider } from '@mukti/rehabilitation-domain';\nexport const probe = carePlanDecider;\n")).toEqual([1]);
});
