/**
 * The documents generated from the code are the ones committed: docs/events.md and
 * docs/asyncapi.yaml from the event catalogue, the variables table of docs/configuration.md from
 * the services' configuration declarations. Each is regenerated in memory and compared.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventCatalog } from '@mukti/contracts';
import { generatedDocuments } from './generated-documents';
import { appConfigs } from '../deploy-tests/app-variables';

const root = join(__dirname, '..', '..');

it.each(generatedDocuments().map((document) => [document.file, document] as const))('%s says what the code says', (file, document) => {
  const committed = readFileSync(join(root, file), 'utf8');
  const wanted = document.render(committed);
  if (wanted !== committed) {
    const committedLines = committed.split('\n');
    const wantedLines = wanted.split('\n');
    const line = wantedLines.findIndex((text, index) => text !== committedLines[index]);
    throw new Error(
      `${file} differs from the code (first at line ${line + 1}):\n  committed: ${committedLines[line] ?? '(end of file)'}\n  generated: ${wantedLines[line] ?? '(end of file)'}\n` +
        'Run `npm run docs` and commit the result.',
    );
  }
});

it('gives every event type a section of its own, with text', () => {
  const page = readFileSync(join(root, 'docs/events.md'), 'utf8');
  for (const [type, { schema }] of Object.entries(eventCatalog)) {
    expect(page.split('\n').filter((line) => line === `### \`${type}\``)).toHaveLength(1);
    expect([type, typeof (schema as { description?: unknown }).description]).toEqual([type, 'string']);
  }
});

it('lists every variable a service reads in the configuration reference', () => {
  const page = readFileSync(join(root, 'docs/configuration.md'), 'utf8');
  for (const definition of Object.values(appConfigs)) {
    for (const name of definition.variableNames) expect(page).toContain(`| \`${name}\` |`);
  }
});
