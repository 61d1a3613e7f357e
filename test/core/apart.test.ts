/** Items the notes keep apart (`apart=`) are never asked in the same exam or quiz; without it, the same draws put them together. */
import { describe, expect, it } from 'vitest';
import { buildExam } from '../../src/core/exam/build.js';
import type { Question } from '../../src/core/questions/question.js';
import { buildQuiz } from '../../src/core/quiz.js';
import { createRng } from '../../src/core/random.js';
import type { Deck } from '../../src/core/types.js';
import { validateDeck } from '../../src/core/validate.js';
import { deckOf, frontMatter, item } from '../helpers/notes.js';

const HEAD = (id: string) => `${frontMatter(id)}## Exam-style questions // 시험형 문제 {#exam}\n\n`;

/** Two topics of six items each, all task 1.2; with `apart`, alpha's first item names beta's first. */
function deck(apart: string | null): Deck {
  const items = (topic: string) =>
    ['one', 'two', 'three', 'four', 'five', 'six']
      .map((k) => item(k, '1.2'))
      .join('\n\n')
      .replace(topic === 'alpha' && apart ? '{#one task=1.2}' : '\0', `{#one task=1.2 apart="${apart}"}`);
  return deckOf(['01-alpha.md', HEAD('alpha') + items('alpha')], ['02-beta.md', HEAD('beta') + items('beta')]);
}

const together = (ids: string[]) => ids.includes('alpha.exam.one') && ids.includes('beta.exam.one');
const seeds = Array.from({ length: 40 }, (_, i) => `s${i}`);
const examIds = (d: Deck, seed: string) => buildExam(d, { topicIds: ['alpha', 'beta'], total: 6 }, createRng(seed)).map((q) => q.factId);
const quizIds = (d: Deck, seed: string) =>
  buildQuiz(d, { topicIds: ['alpha', 'beta'], count: 6, type: 'mc', style: 'exam' }, createRng(seed)).map((q) => q.factId);

describe('items kept apart', () => {
  const free = deck(null);
  const kept = deck('beta.exam.one');

  it('are never drawn into one mock exam, though the same draws put them together when not kept apart', () => {
    expect(seeds.filter((s) => together(examIds(free, s))).length).toBeGreaterThan(3);
    expect(seeds.filter((s) => together(examIds(kept, s)))).toEqual([]);
    // The exam is as long as ever: another item takes the barred one's place.
    for (const s of seeds) expect(examIds(kept, s)).toHaveLength(6);
  });

  it('are never drawn into one exam-style quiz, whichever of the two names the other', () => {
    expect(seeds.filter((s) => together(quizIds(free, s))).length).toBeGreaterThan(3);
    expect(seeds.filter((s) => together(quizIds(kept, s)))).toEqual([]);
    const named = deckOf(
      ['01-alpha.md', HEAD('alpha') + ['one', 'two', 'three', 'four', 'five', 'six'].map((k) => item(k, '1.2')).join('\n\n')],
      [
        '02-beta.md',
        HEAD('beta') +
          ['one', 'two', 'three', 'four', 'five', 'six']
            .map((k) => item(k, '1.2'))
            .join('\n\n')
            .replace('{#one task=1.2}', '{#one task=1.2 apart="alpha.exam.one"}'),
      ],
    );
    expect(seeds.filter((s) => together(quizIds(named, s)) || together(examIds(named, s)))).toEqual([]);
  });

  it('leave every other draw as it was', () => {
    for (const s of seeds) {
      const before = examIds(free, s);
      if (!together(before)) expect(examIds(kept, s)).toEqual(before);
    }
  });

  it('must name an exam-style item by its full id', () => {
    const messages = (d: Deck) =>
      validateDeck(d)
        .filter((x) => x.severity === 'error')
        .map((x) => x.message);
    expect(messages(kept)).toEqual([]);
    expect(messages(deck('beta.one'))).toEqual(['item "alpha.exam.one": apart="beta.one" names no other fact (give its full id, topic.group.key)']);
    expect(messages(deck('alpha.exam.one'))).toEqual(['item "alpha.exam.one": apart="alpha.exam.one" names no other fact (give its full id, topic.group.key)']);
  });
});

describe('an item kept apart from a one-line fact', () => {
  const PICKS = `## Picks // 고르기 {#picks}

${['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel']
  .map(
    (name, i) =>
      `- ? Handle work of the ${['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'][i]} kind as it arrives => ${name} service // ${i + 1}번째 종류의 작업을 들어오는 대로 처리 => ${name} service {#${name.toLowerCase()}}`,
  )
  .join('\n')}
`;
  /** One topic: eight scenario facts and four items; with `apart`, item one names the fact alpha. */
  const single = (apart: boolean) =>
    deckOf([
      '01-alpha.md',
      `${frontMatter('alpha')}${PICKS}
## Exam-style questions // 시험형 문제 {#exam}

${['one', 'two', 'three', 'four']
  .map((k) => item(k, '1.2'))
  .join('\n\n')
  .replace('{#one task=1.2}', apart ? '{#one task=1.2 apart="alpha.picks.alpha"}' : '{#one task=1.2}')}`,
    ]);
  const both = (ids: string[]) => ids.includes('alpha.exam.one') && ids.includes('alpha.picks.alpha');
  const mixed = (d: Deck, seed: string) => buildQuiz(d, { topicIds: ['alpha'], count: 6, type: 'mc', style: 'mixed' }, createRng(seed)).map((q) => q.factId);

  it('is never asked in the same mixed quiz, though the same draws ask both when nothing keeps them apart', () => {
    const free = single(false);
    const kept = single(true);
    expect(validateDeck(kept).filter((x) => x.severity === 'error')).toEqual([]);
    expect(seeds.filter((s) => both(mixed(free, s))).length).toBeGreaterThan(3);
    expect(seeds.filter((s) => both(mixed(kept, s)))).toEqual([]);
    // Another fact takes the barred one's place: the quiz is as long as ever.
    for (const s of seeds) expect(mixed(kept, s)).toHaveLength(mixed(free, s).length);
  });

  it('is not asked beside a question that shows that fact as a wrong option either', () => {
    const shows = (q: Question) => q.factId === 'alpha.picks.alpha' || q.options.some((o) => o.source === 'alpha.picks.alpha');
    const clash = (d: Deck, seed: string) => {
      const qs = buildQuiz(d, { topicIds: ['alpha'], count: 6, type: 'mc', style: 'mixed' }, createRng(seed));
      return qs.some((q) => q.factId === 'alpha.exam.one') && qs.some(shows);
    };
    // With nothing kept apart, the item and another scenario offering "Alpha service" as a wrong option meet often.
    expect(seeds.filter((s) => clash(single(false), s)).length).toBeGreaterThan(3);
    expect(seeds.filter((s) => clash(single(true), s))).toEqual([]);
  });
});
