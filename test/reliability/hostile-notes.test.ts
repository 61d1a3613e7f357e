/** Hostile notes: random and mutated input never throws; terminal escapes never reach the screen; sizes are bounded. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/core/deck.js';
import { parseNote } from '../../src/core/parse/note.js';
import { buildQuiz } from '../../src/core/quiz.js';
import { createRng } from '../../src/core/random.js';
import { validateDeck } from '../../src/core/validate.js';
import { runCli, useTempDir } from '../helpers/cli.js';
import { SAMPLE } from '../helpers/notes.js';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const EVIL = `---
id: evil
title: { en: "Evil \\e]0;pwned\\u0007 title", ko: "나쁜 \\u202e 제목" }
domains: [secure]
---

## Group \u001b[2J {#g}

- **Term\u001b[31m A** :: clears \u001b[2J the screen // 화면을 \u001b]8;;http://x\u0007지운다
- **Term B** :: moves\r the cursor back\b\b // 커서를 \u202e 뒤집는다
- **Term C** :: sets the title \u001b]0;owned\u0007 // 제목을 \u001bP+q\u001b\\\\ 바꾼다
- [F] Escapes \u009b31m are fine. => They never reach the terminal. // 이스케이프는 괜찮다. => 터미널에 닿지 않는다. {#esc}
`;

describe('hostile notes', () => {
  let dir = '';
  useTempDir((d) => (dir = d));

  it('never let control characters, ANSI/OSC/DCS escapes or bidi overrides reach the terminal', () => {
    writeFileSync(join(dir, '41-evil.md'), EVIL);
    const text = runCli(['questions', '--notes', dir, '--topic', 'evil', '--count', '20', '--type', 'mixed']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Term A/);
    expect(text.stdout.replace(/\n/g, '')).not.toMatch(CONTROL);
    const ko = runCli(['questions', '--notes', dir, '--topic', 'evil', '--count', '20', '--lang', 'ko']);
    expect(ko.stdout.replace(/\n/g, '')).not.toMatch(CONTROL);
    const json = runCli(['questions', '--notes', dir, '--topic', 'evil', '--count', '20', '--json']);
    expect(json.stdout.replace(/\n/g, '')).not.toMatch(CONTROL);
    // Escaped, not lost: the JSON still carries the note's text for scripts.
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('\\u001b');
    const topics = runCli(['topics', '--notes', dir]);
    expect(topics.stdout.replace(/\n/g, '')).not.toMatch(CONTROL);
    const check = runCli(['notes', 'check', '--notes', dir]);
    expect((check.stdout + check.stderr).replace(/\n/g, '')).not.toMatch(CONTROL);
  });

  it('bound a huge file and deeply nested front matter', () => {
    const huge = `---\nid: huge\ntitle: Huge\ndomains: [cost]\n---\n${'- [T] filler line {#x}\n'.repeat(150_000)}`;
    const started = Date.now();
    const r = parseNote('41-huge.md', huge);
    expect(r.note).toBeNull();
    expect(r.diagnostics[0]?.message).toMatch(/larger than 2048 KiB/);
    expect(Date.now() - started).toBeLessThan(1000);

    const deep = `---\nid: ${'['.repeat(50_000)}\n---\n`;
    const d = parseNote('41-deep.md', deep);
    expect(d.note).toBeNull();
    expect(d.diagnostics[0]?.severity).toBe('error');
  });

  it('never throw on mutated notes, from parsing through question generation', () => {
    let seed = 99;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = ['\n', ' ', '-', '*', '|', '{', '}', '#', ':', '/', '=', '>', '?', '[', ']', 'T', 'F', 'x', '한', '\u0000', '\u001b'];
    for (let i = 0; i < 400; i++) {
      const chars = [...SAMPLE];
      for (let k = 0, edits = 1 + rand(20); k < edits; k++) {
        const at = rand(chars.length);
        const op = rand(3);
        if (op === 0) chars.splice(at, 1);
        else if (op === 1) chars.splice(at, 0, alphabet[rand(alphabet.length)] as string);
        else chars.splice(at, 1 + rand(40));
      }
      const text = chars.join('');
      const parsed = parseNote('01-demo.md', text);
      expect(Array.isArray(parsed.diagnostics)).toBe(true);
      if (!parsed.note) {
        expect(parsed.diagnostics.length).toBeGreaterThan(0);
        continue;
      }
      const { deck } = buildDeck([parsed.note]);
      expect(() => validateDeck(deck, { quality: true })).not.toThrow();
      const qs = buildQuiz(deck, { topicIds: [parsed.note.topic.id], count: 50, type: 'mixed' }, createRng(i));
      for (const q of qs) expect(q.options.filter((o) => o.correct)).toHaveLength(1);
    }
  });

  it('an empty notes folder or a missing one does not stop the shipped notes', () => {
    mkdirSync(join(dir, 'empty'));
    expect(runCli(['notes', 'check', '--notes', join(dir, 'empty')]).code).toBe(0);
    const missing = runCli(['questions', '--notes', join(dir, 'nope'), '--count', '1', '--json']);
    expect(missing.code).toBe(0);
    expect(missing.stderr).toMatch(/cannot read notes folder: ENOENT/);
  });
});
