/** Exam-style items: how they are written, what notes check reports (with lines), how they are asked. */
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/parse/note.js';
import { ask, factSummary } from '../../src/core/questions/generate.js';
import { createRng } from '../../src/core/random.js';
import type { ItemFact } from '../../src/core/types.js';
import { deckOf, frontMatter, item } from '../helpers/notes.js';

const HEAD = `${frontMatter('demo')}## Exam-style questions // 시험형 문제 {#exam}\n\n`;
/** Line of the first body line after HEAD (front matter is 5 lines, then the heading and a blank line). */
const FIRST = 8;
const parse = (body: string, bilingual = true) => parseNote('01-demo.md', HEAD + body, { requireBothLanguages: bilingual });
const errors = (body: string, bilingual = true) => parse(body, bilingual).diagnostics.filter((d) => d.severity === 'error');

describe('exam-style items in a note', () => {
  it('parse into a fact with its stem, options, reasons, task and domain', () => {
    const { note, diagnostics } = parse(item('logs', '4.1'));
    expect(diagnostics).toEqual([]);
    const f = note?.facts[0] as ItemFact;
    expect(f).toMatchObject({ id: 'demo.exam.logs', kind: 'item', task: '4.1', line: FIRST });
    expect(f.stem.en).toMatch(/^A company keeps logs/);
    expect(f.stem.ko).toMatch(/^한 회사가/);
    expect(f.options).toHaveLength(4);
    expect(f.options.filter((o) => o.correct)).toHaveLength(1);
    expect(f.options[0]).toMatchObject({ correct: true, reason: { en: 'reason 0 for logs', ko: 'logs의 이유 0' }, line: FIRST + 2 });
    expect(f.options[3]?.text).toEqual({ en: 'Use an instance store (logs 3)', ko: 'Use an instance store 한국어 (logs 3)' });
  });

  it('take tags after the attribute block and Korean inline after //', () => {
    const text = [
      '- Q: Stem one. Which is MOST secure? // 지문이다. 가장 안전한 것은? {#inline task=1.2} #security',
      '  - [x] A // 가 ',
      '    why: because A // A이기 때문',
      '  - [ ] B // 나',
      '    why: not B // B가 아님',
      '  - [ ] C // 다',
      '    why: not C // C가 아님',
      '  - [ ] D // 라',
      '    why: not D // D가 아님',
    ].join('\n');
    const { note, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    const f = note?.facts[0] as ItemFact;
    expect(f.tags).toEqual(['security']);
    expect(f.stem).toEqual({ en: 'Stem one. Which is MOST secure?', ko: '지문이다. 가장 안전한 것은?' });
    expect(f.options[1]?.reason).toEqual({ en: 'not B', ko: 'B가 아님' });
  });

  it.each([
    ['a missing reason', (t: string) => t.replace('    why: reason 2 for x\n    ko: x의 이유 2\n', ''), FIRST + 10, /option has no reason/],
    ['a missing Korean option', (t: string) => t.replace('    ko: Use Amazon EBS snapshots 한국어 (x 1)\n', ''), FIRST + 6, /option has no Korean text/],
    ['a missing Korean reason', (t: string) => t.replace(/\n {4}ko: x의 이유 3$/, ''), FIRST + 14, /option reason has no Korean text/],
    ['a missing Korean stem', (t: string) => t.replace(/ {2}ko: 한 회사가[^\n]*\n/, ''), FIRST, /stem has no Korean text/],
    ['fewer than three wrong options', (t: string) => t.replace(/ {2}- \[ \] Use an instance store[\s\S]*$/, ''), FIRST, /at least 3 wrong options.*has 2/],
    [
      'an answer repeated among the wrong ones',
      (t: string) => t.replace('Use Amazon EBS snapshots (x 1)', 'Use Amazon S3 with a lifecycle rule (x 0)'),
      FIRST + 6,
      /repeats the keyed answer/,
    ],
    ['no keyed answer', (t: string) => t.replace('- [x]', '- [ ]'), FIRST, /needs a keyed answer/],
    ['no key of its own', (t: string) => t.replace('{#x task=4.1}', '{#x}').replace('{#x}', ''), FIRST, /needs its own \{#key\}/],
    ['an unknown task statement', (t: string) => t.replace('task=4.1', 'task=5.1'), FIRST, /task=<task statement>.*"5\.1" is not one/],
    [
      'a domain that disagrees with the task',
      (t: string) => t.replace('task=4.1}', 'task=4.1 domain=secure}'),
      FIRST,
      /domain=secure disagrees with task 4\.1/,
    ],
    [
      'a stray line among the options',
      (t: string) => t.replace('    why: reason 1 for x', '    because: reason 1 for x'),
      FIRST + 8,
      /unexpected line in an exam-style item/,
    ],
  ])('report %s with its line', (_name, edit, line, message) => {
    const found = errors(edit(item('x', '4.1')));
    expect(
      found.find((d) => message.test(d.message)),
      JSON.stringify(found),
    ).toMatchObject({ line });
  });

  it('need five options or more for "choose two"', () => {
    const four = item('mr', '2.1', [{ key: true, text: 'K1' }, { key: true, text: 'K2' }, { text: 'W1' }, { text: 'W2' }]);
    expect(errors(four).map((d) => d.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/five options or more/), expect.stringMatching(/at least 3 wrong/)]),
    );
    const five = item('mr', '2.1', [{ key: true, text: 'K1' }, { key: true, text: 'K2' }, { text: 'W1' }, { text: 'W2' }, { text: 'W3' }]);
    expect(errors(five)).toEqual([]);
  });

  it('warn about a written "(Choose two.)", which saa adds itself', () => {
    const text = item('x', '4.1').replace('MOST cost-effective?', 'MOST cost-effective? (Choose two.)');
    expect(parse(text).diagnostics).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/write no "\(Choose two\.\)"/) })]);
  });

  it('accept one language in a user note unless held to the shipped rule', () => {
    const english = item('x', '4.1')
      .split('\n')
      .filter((l) => !/^\s+ko:/.test(l))
      .join('\n');
    expect(errors(english, false)).toEqual([]);
    expect(errors(english, true).length).toBeGreaterThan(0);
  });
});

describe('exam-style items as questions', () => {
  const deck = deckOf([
    '01-demo.md',
    HEAD +
      [item('one', '4.1'), item('two', '2.2', [{ key: true, text: 'K1' }, { key: true, text: 'K2' }, { text: 'W1' }, { text: 'W2' }, { text: 'W3' }])].join(
        '\n\n',
      ),
  ]);
  const one = deck.factsById.get('demo.exam.one')!;
  const two = deck.factsById.get('demo.exam.two')!;

  it('are asked as written, options shuffled, every option with its reason in both languages', () => {
    const q = ask(deck, one, { type: 'item' }, createRng(3))!;
    expect(q).toMatchObject({ kind: 'item', style: 'exam', format: 'mc', domain: 'cost', id: 'demo.exam.one#item' });
    expect(q.prompt.en).toBe((one as ItemFact).stem.en);
    expect(q.options.map((o) => o.text.en).sort()).toEqual((one as ItemFact).options.map((o) => o.text.en).sort());
    for (const o of q.options) expect(o.reason.en && o.reason.ko).toBeTruthy();
    expect(q.explanation.en).toBe(q.options[q.answer]?.reason.en);
  });

  it('place the key uniformly under different seeds', () => {
    const positions = new Set(Array.from({ length: 40 }, (_, s) => ask(deck, one, { type: 'item' }, createRng(s))!.answer));
    expect(positions).toEqual(new Set([0, 1, 2, 3]));
  });

  it('ask "choose two" with both keys and the suffix in each language', () => {
    const q = ask(deck, two, { type: 'item' }, createRng(1))!;
    expect(q.format).toBe('mr');
    expect(q.answers).toHaveLength(2);
    expect(q.answers.map((i) => q.options[i]?.text.en?.replace(/ \(.*\)$/, '')).sort()).toEqual(['K1', 'K2']);
    expect(q.prompt.en).toMatch(/ \(Choose two\.\)$/);
    expect(q.prompt.ko).toMatch(/ \(두 개를 고르시오\.\)$/);
    expect(q.domain).toBe('resilient');
  });

  it('summarise as the key and its reason', () => {
    expect(factSummary(deck, one).en).toBe('Use Amazon S3 with a lifecycle rule (one 0) — reason 0 for one');
  });
});
