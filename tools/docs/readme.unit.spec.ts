/**
 * The README's services table says what the code says: the same services, each with the default
 * of its own port variable, and the topics it reads and writes as libs/contracts declares them
 * (kafka-access.ts, topics.ts). Every Kafka topic the README names exists.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deadLetterTopicOf, redriveTopicOf, ServicePrincipal, topics, topicsConsumedBy, topicsProducedBy } from '@mukti/contracts';
import { appConfigs, AppName, appNames, portVariable } from '../deploy-tests/app-variables';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

interface ServiceRow {
  service: string;
  port: string;
  reads: string[];
  writes: string[];
}

/** The rows of the table under "## Services", by its column names. */
function servicesTable(): ServiceRow[] {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Services\n'));
  if (!section) throw new Error('README.md has no "## Services" section');
  const lines = section.split('\n').filter((line) => line.startsWith('|'));
  const cells = (line: string) => line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim());
  const header = cells(lines[0]!);
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`README.md's services table has no column "${name}" (it has ${header.join(', ')})`);
    return index;
  };
  const topicsIn = (cell: string) => [...cell.matchAll(/`(mukti\.[^`]+)`/g)].map((match) => match[1]!).sort();
  return lines.slice(2).map((line) => {
    const row = cells(line);
    return {
      service: row[column('service')]!,
      port: row[column('port')]!,
      reads: topicsIn(row[column('reads from Kafka')]!),
      writes: topicsIn(row[column('writes to Kafka')]!),
    };
  });
}

const rows = servicesTable();

it('lists every service, once', () => {
  expect(rows.map((row) => row.service).sort()).toEqual([...appNames].sort());
});

it.each(rows.map((row) => [row.service, row] as const))('%s: its port is its port variable\'s default', (service, row) => {
  const definition = appConfigs[service as AppName];
  const variable = portVariable[service as AppName];
  expect(`${variable}=${row.port}`).toBe(`${variable}=${(definition.variables as Record<string, { defaultValue?: string }>)[variable]!.defaultValue}`);
});

it.each(rows.map((row) => [row.service, row] as const))('%s: the topics it reads and writes are those kafka-access.ts declares', (service, row) => {
  expect({ reads: row.reads, writes: row.writes }).toEqual({
    reads: topicsConsumedBy(service as ServicePrincipal).sort(),
    writes: topicsProducedBy(service as ServicePrincipal).sort(),
  });
});

it('names no Kafka topic the platform does not have', () => {
  const named = new Set([...readme.matchAll(/\bmukti\.[a-z0-9.<>-]+\.v\d+\b/g)].map((match) => match[0]));
  const known = new Set<string>([...Object.values(topics), deadLetterTopicOf('G'), redriveTopicOf('G'), 'mukti.<pillar>.events.v1']);
  expect([...named].filter((topic) => !known.has(topic) && !/^mukti\.[a-z]+\.(dead-letters|redrive)\.v1$/.test(topic))).toEqual([]);
});
