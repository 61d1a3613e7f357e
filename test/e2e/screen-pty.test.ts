/**
 * What a person sees at 80×24 and 60×24: every option of the tallest shipped question on screen
 * (read from a terminal of that size), and no word of the feedback broken across lines.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/cli/strings.js';
import { ROOT, useTempDir } from '../helpers/cli.js';
import { KEY, SETTLE_MS, sleep, startSaa } from '../helpers/pty.js';

/** An exam-style item of the shipped notes, by key: its lines from `- Q:` to the next unindented line. */
function shippedItem(file: string, key: string): string {
  const lines = readFileSync(join(ROOT, 'notes', file), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('- Q:') && l.includes(`{#${key} `));
  const end = lines.findIndex((l, i) => i > start && !/^\s/.test(l));
  return lines.slice(start, end).join('\n');
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** English words of the item and of the interface's messages: any other word on screen is a broken one. */
function knownWords(item: string): Set<string> {
  const ui = Object.values(strings('en')).flatMap((v) =>
    typeof v === 'string' ? [v] : typeof v === 'function' ? [String((v as (...a: unknown[]) => unknown)(1, 2, 3))] : [],
  );
  return new Set(`${item} ${ui.join(' ')} Tall questions (Choose two.)`.match(/[A-Za-z]{3,}/g) ?? []);
}

describe.each([
  { cols: 80, rows: 24, file: '07-route53.md', key: 'block-dns-exfiltration' },
  { cols: 60, rows: 24, file: '16-identity-governance.md', key: 'abac-cost-center' },
])('a $cols×$rows terminal', ({ cols, rows, file, key }) => {
  let dir = '';
  useTempDir((d) => (dir = d));

  it('shows every option of the tallest question, and feedback with no broken word', async () => {
    const item = shippedItem(file, key);
    const notes = join(dir, 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, '41-tall.md'), `---\nid: tall\ntitle: Tall questions\ndomains: [secure]\n---\n## Exam-style questions {#exam}\n\n${item}\n`);
    const t = startSaa(
      ['quiz', '--notes', notes, '--topic', 'tall', '--style', 'exam', '--count', '1', '--lang', 'en'],
      { SAA_DB: join(dir, 'saa.db') },
      { cols, rows },
    );
    await t.waitFor(/Choose 2:/);
    await sleep(SETTLE_MS);
    const seen = squash((await t.visible()).join(' '));
    const options = [...item.matchAll(/^ {2}- \[[x ]\] (.+)$/gm)].map((m) => squash(m[1] as string));
    expect(options.length).toBeGreaterThanOrEqual(5);
    for (const o of options) expect(seen, o).toContain(o);
    // Taller than the window: the start of the question scrolled off, and the user is told.
    const tall = (await t.visible()).some((l) => l.includes('The question is taller than the window'));
    expect(tall).toBe(cols === 60);

    const from = t.text().length;
    t.write(`12${KEY.enter}`);
    await t.waitFor(/Score: \d\/1/, from);
    expect((await t.exited).exitCode).toBe(0);
    // The rows as the terminal holds them: none overflowed (saa wrapped every line itself), and
    // every word on them is a word of the question or of the interface, so none was cut in two.
    const held = await t.rows();
    expect(held.filter((r) => r.wrapped).map((r) => r.text)).toEqual([]);
    const words = knownWords(item);
    const broken = held.flatMap((r) => r.text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !words.has(w));
    expect(broken).toEqual([]);
  }, 60_000);
});

describe.each([60, 80])('topics, stats and notes show at %i columns', (cols) => {
  let dir = '';
  useTempDir((d) => (dir = d));

  it('fit the width: no row the terminal had to fold, in English and Korean', async () => {
    for (const lang of ['en', 'ko']) {
      for (const command of [['topics'], ['stats'], ['notes', 'show', 's3']]) {
        const t = startSaa([...command, '--lang', lang], { SAA_DB: join(dir, 'saa.db') }, { cols, rows: 24 });
        expect((await t.exited).exitCode).toBe(0);
        const held = await t.rows();
        expect(held.some((r) => r.text.trim() !== '')).toBe(true);
        expect(
          held.filter((r) => r.wrapped).map((r) => r.text),
          `${command.join(' ')} --lang ${lang}`,
        ).toEqual([]);
      }
    }
  }, 60_000);
});
