/**
 * Every relative link in the repository's Markdown resolves: the file or folder exists, and an
 * anchor (#section) names a heading of the target (as GitHub makes its ids) or an explicit
 * <a id="...">. Sections move between files; a link left pointing at the old place fails here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = join(__dirname, '..', '..');

/** The Markdown files git knows of (tracked or new), not those it ignores. */
function markdownFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], { cwd: root, encoding: 'utf8' });
  return listed
    .split('\n')
    .filter(Boolean)
    .filter((file) => existsSync(join(root, file)))
    // Fragments of a generated page: their links are checked in the page they end up in.
    .filter((file) => !file.startsWith('tools/docs/'));
}

/** Text with fenced code blocks and inline code spans blanked out (links there are not links). */
function withoutCode(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's heading ids: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of markdown.replace(/^```[\s\S]*?^```/gm, '').split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const base = heading[1]!
        .replace(/<[^>]+>/g, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-');
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    for (const explicit of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(explicit[1]!);
  }
  return anchors;
}

function linksOf(markdown: string): string[] {
  const text = withoutCode(markdown);
  const inline = [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1]!);
  const references = [...text.matchAll(/^\s*\[[^\]]+\]:\s+(\S+)/gm)].map((match) => match[1]!);
  return [...inline, ...references].filter((link) => !/^[a-z][a-z0-9+.-]*:/i.test(link));
}

const files = markdownFiles();

it('finds the Markdown files', () => {
  expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/events.md', 'k8s/README.md']));
});

it.each(files)('%s: every relative link resolves', (file) => {
  const problems: string[] = [];
  const source = readFileSync(join(root, file), 'utf8');
  for (const link of linksOf(source)) {
    const [target, anchor] = link.split('#') as [string, string | undefined];
    const path = target === '' ? join(root, file) : join(root, dirname(file), decodeURI(target));
    if (!existsSync(path)) {
      problems.push(`${link}: no such file (${relative(root, path)})`);
      continue;
    }
    if (anchor && statSync(path).isFile() && path.endsWith('.md') && !anchorsOf(readFileSync(path, 'utf8')).has(anchor)) {
      problems.push(`${link}: no heading or <a id> "${anchor}" in ${relative(root, path)}`);
    }
  }
  expect(problems).toEqual([]);
});
