import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/cli.js';
import { saa } from '../helpers/context.js';

const bad = (name: string) => join(FIXTURES, 'bad-notes', name);

describe('saa notes check', () => {
  it('passes on the shipped notes with no error and no warning', async () => {
    const r = await saa(['notes', 'check', '--strict']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/: 0 error\(s\), 0 warning\(s\)\n$/);
    expect(r.code).toBe(0);
  });

  it('passes on a valid one-language user note', async () => {
    const r = await saa(['notes', 'check', '--notes', join(FIXTURES, 'good-notes')]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/41-letters/);
  });

  it.each([
    ['bad-front-matter', '41-broken.md', 3, /bad front matter/],
    ['unknown-domain', '41-odd-domain.md', 1, /unknown domain "speedy"/],
    ['duplicate-topic', '42-twin-again.md', 1, /duplicate topic id "twin"/],
    ['duplicate-fact', '41-dupfact.md', 10, /duplicate fact id "dupfact\.g\.same" \(first at line 9\)/],
    ['small-group', '41-tiny.md', 7, /group #pair has 2 term\(s\)/],
    ['ragged-table', '41-ragged.md', 10, /ragged table row: 2 cells, the header has 3/],
    ['js-front-matter', '41-js.md', 1, /front matter language "js" is not allowed/],
  ])('reports %s as file:line and fails', async (dir, file, line, message) => {
    const r = await saa(['notes', 'check', '--notes', bad(dir)]);
    expect(r.code).toBe(1);
    const expected = `${join(bad(dir), file)}:${line}: `;
    const hit = r.stdout.split('\n').find((l) => l.startsWith(expected));
    expect(hit, r.stdout).toBeDefined();
    expect(hit).toMatch(message);
  });

  it('reports a fact missing a language when held to the shipped rule', async () => {
    const r = await saa(['notes', 'check', '--bilingual', '--notes', bad('missing-language')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${join(bad('missing-language'), '41-halflang.md')}:9: fact "halflang.g.en-only" has no Korean text`);
    expect((await saa(['notes', 'check', '--notes', bad('missing-language')])).code).toBe(0);
  });

  it('never evaluates JavaScript front matter', async () => {
    rmSync('/tmp/saa-pwned', { force: true });
    await saa(['notes', 'check', '--notes', bad('js-front-matter')]);
    await saa(['questions', '--notes', bad('js-front-matter'), '--count', '1']);
    expect(existsSync('/tmp/saa-pwned')).toBe(false);
  });

  it('lets other commands skip a broken note with a one-line warning', async () => {
    const r = await saa(['questions', '--notes', bad('bad-front-matter'), '--topic', 's3', '--count', '2', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^saa: warning: .*41-broken\.md:3: bad front matter/);
    expect(JSON.parse(r.stdout)).toHaveLength(2);
  });
});
