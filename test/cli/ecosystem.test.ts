/** Own notes, Anki and JSON export, history import, completion: what fits saa into other tools. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANKI_HEADER } from '../../src/core/anki.js';
import { FIXTURES, useTempDir } from '../helpers/cli.js';
import { firstOptions, saa } from '../helpers/context.js';
import { writeDomainNotes } from '../helpers/exam-deck.js';

/** Anki's text format as Anki reads it: tab-separated, quoted fields may hold tabs, quotes ("") and newlines. */
function parseAnki(text: string): { header: string[]; rows: string[][] } {
  const lines = text.split('\n');
  const header: string[] = [];
  while (lines[0]?.startsWith('#')) header.push(lines.shift() as string);
  const body = lines.join('\n');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < body.length) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === '\t') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
    i++;
  }
  if (field || row.length) rows.push([...row, field]);
  return { header, rows };
}

describe('ecosystem', () => {
  let dir = '';
  useTempDir((d) => (dir = d));

  it('exports Anki text with its header, one line per fact and tags, that round-trips', async () => {
    const r = await saa(['export', 'anki', '--topic', 'iam', '--lang', 'ko']);
    expect(r.code).toBe(0);
    const { header, rows } = parseAnki(r.stdout);
    expect(header).toEqual(ANKI_HEADER);
    const facts = JSON.parse((await saa(['export', 'json', '--topic', 'iam'])).stdout).facts as { id: string; groupId: string; kind: string }[];
    expect(rows).toHaveLength(facts.length);
    for (const [k, row] of rows.entries()) {
      expect(row).toHaveLength(6);
      const [notetype, deckName, guid, first, second, tagLine] = row as [string, string, string, string, string, string];
      expect(notetype).toBe(facts[k]?.kind === 'cloze' ? 'Cloze' : 'Basic');
      expect(deckName).toBe('SAA-C03::한국어::02 IAM (자격 증명 및 액세스 관리)');
      expect(guid).toBe(`saa:ko:${facts[k]?.id}`);
      expect(first.length).toBeGreaterThan(0);
      if (notetype === 'Basic') expect(second.length).toBeGreaterThan(0);
      const tags = tagLine.split(' ');
      expect(tags).toContain('saa::topic::iam');
      expect(tags).toContain(`saa::group::iam::${facts[k]?.groupId}`);
      expect(tags.filter((t) => t.startsWith('saa::domain::'))).toHaveLength(1);
    }
    // Fields with tabs, quotes or newlines are quoted; the parse gives the same text back.
    expect(rows.some((row) => row[3]?.includes('\n'))).toBe(true);
  });

  it('moves a history to another database: the same stats, and a second import adds nothing', async () => {
    const notes = join(dir, 'notes');
    spawnSync('mkdir', [notes]);
    writeDomainNotes(notes);
    const a = join(dir, 'a.db');
    const env = { SAA_DB: a, SAA_NOTES: notes };
    const t = await saa(['quiz', '--count', '6', '--topic', 'tcost,tsecure', '--seed', 'move'], { env, answers: Array(6).fill(firstOptions) });
    expect(t.code).toBe(0);

    const exported = join(dir, 'history.json');
    writeFileSync(exported, (await saa(['export', 'history'], { env })).stdout);
    const b = join(dir, 'b.db');
    const first = await saa(['import', 'history', exported], { env: { SAA_DB: b } });
    expect(first.stdout).toMatch(/Imported 6 answer\(s\) in 1 new session\(s\); 0 already present/);
    const again = await saa(['import', 'history', exported], { env: { SAA_DB: b } });
    expect(again.stdout).toMatch(/Imported 0 answer\(s\) in 0 new session\(s\); 6 already present/);

    const stats = async (db: string) => {
      const s = JSON.parse((await saa(['stats', '--json'], { env: { SAA_DB: db, SAA_NOTES: notes } })).stdout);
      delete s.generatedAt;
      return s;
    };
    const sa = await stats(a);
    const sb = await stats(b);
    // Recall decays with time between the two calls; compare what is not a clock reading.
    const strip = (s: Record<string, unknown>) => JSON.stringify(s, (k, v) => (['meanRecall', 'mastery', 'readiness'].includes(k) ? undefined : v));
    expect(strip(sb)).toBe(strip(sa));
    expect(sb.totals.answered).toBe(6);
    expect(Math.abs(sb.readiness.score - sa.readiness.score)).toBeLessThanOrEqual(1);
  }, 30_000);

  it('refuses a file that is not a history export and writes nothing', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ hello: 'world' }));
    const r = await saa(['import', 'history', bad], { env: { SAA_DB: join(dir, 'x.db') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a saa history export.*nothing was imported/);
  });

  it('completes `saa quiz --topic s` to the topic ids starting with s, in bash', async () => {
    const script = join(dir, 'saa.bash');
    writeFileSync(script, (await saa(['completion', 'bash'])).stdout);
    const bash = (words: string[]) =>
      spawnSync(
        'bash',
        ['-c', `set -e; source ${script}; COMP_WORDS=(${words.join(' ')}); COMP_CWORD=${words.length - 1}; _saa; printf '%s\\n' "\${COMPREPLY[@]}"`],
        {
          encoding: 'utf8',
        },
      );
    const r = bash(['saa', 'quiz', '--topic', 's']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const topics = JSON.parse((await saa(['topics', '--json'])).stdout) as { id: string; aliases: string[] }[];
    const expected = topics
      .flatMap((t) => [t.id, ...t.aliases])
      .filter((x) => x.startsWith('s'))
      .sort();
    expect(r.stdout.trim().split('\n').sort()).toEqual(expected);
    expect(expected).toContain('s3');
    expect(bash(['saa', 'ex']).stdout.trim().split('\n').sort()).toEqual(['exam', 'export']);
    expect(bash(['saa', 'quiz', '--la']).stdout.trim()).toBe('--lang');
    for (const shell of ['zsh', 'fish']) expect((await saa(['completion', shell])).stdout).toMatch(/saa/);
    expect((await saa(['completion', 'tcsh'])).code).toBe(2);
  });

  it('lets a user note extend a shipped topic: new facts join it, a same-id fact replaces it', async () => {
    const shipped = JSON.parse((await saa(['export', 'json', '--topic', 'iam'])).stdout) as { facts: { id: string }[] };
    const first = shipped.facts[0]!.id;
    const [, group, key] = first.split('.');
    writeFileSync(
      join(dir, '41-iam.md'),
      `---\nid: iam\ntitle: My IAM\ndomains: [secure]\n---\n\n## Mine {#mine}\n\n- **Alpha** :: my first\n- **Beta** :: my second\n- **Gamma** :: my third\n\n## Theirs {#${group}}\n\n- [T] My own wording of a shipped fact. {#${key}}\n`,
    );
    const r = await saa(['export', 'json', '--topic', 'iam', '--notes', dir]);
    expect(r.stderr).toBe('');
    const merged = JSON.parse(r.stdout) as { topics: { id: string }[]; facts: { id: string; kind: string; statement?: { en: string } }[] };
    expect(merged.topics.map((t) => t.id)).toEqual(['iam']);
    expect(merged.facts).toHaveLength(shipped.facts.length + 3);
    const replaced = merged.facts.find((f) => f.id === first);
    expect(replaced?.statement?.en).toBe('My own wording of a shipped fact.');
  });

  it('writes a template note that passes the strict check, and shows a note', async () => {
    const r = await saa(['notes', 'new', 'queues', '--dir', dir]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, '21-queues.md'), 'utf8')).toMatch(/^---\nid: queues\n/);
    const check = await saa(['notes', 'check', '--notes', dir, '--strict', '--bilingual']);
    expect(check.stdout).toMatch(/0 error\(s\), 0 warning\(s\)/);
    expect(check.code).toBe(0);
    const kinds = JSON.parse((await saa(['export', 'json', '--notes', dir, '--topic', 'queues'])).stdout).facts.map((f: { kind: string }) => f.kind);
    expect(new Set(kinds)).toEqual(new Set(['term', 'scenario', 'cloze', 'statement', 'row']));
    expect((await saa(['notes', 'new', 'queues', '--dir', dir])).code).toBe(2);
    // A file where the folder should be: one line, exit 2, no stack.
    const onFile = await saa(['notes', 'new', 'other', '--dir', join(dir, '21-queues.md')]);
    expect(onFile.stderr).toBe(`saa: cannot write a note in ${join(dir, '21-queues.md')}: it (or a folder above it) is a file, not a folder\n`);
    expect(onFile.code).toBe(2);
    const show = await saa(['notes', 'show', 'letters', '--notes', join(FIXTURES, 'good-notes')]);
    expect(show.stdout).toMatch(/Alpha — the first letter/);
    expect(show.stdout).toMatch(/✘ Omega is the first Greek letter\. → Alpha is the first; omega is the last\./);
  });
});
