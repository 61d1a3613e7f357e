/** A deck from the notes cache loads its notes as they are asked for, and answers exactly as the parsed deck does. */
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/core/deck.js';
import { buildExam } from '../../src/core/exam/build.js';
import { clozeBlankIndex, provideBlankIndex } from '../../src/core/kinds/cloze.js';
import { parseNote } from '../../src/core/parse/note.js';
import { buildQuiz } from '../../src/core/quiz.js';
import { createRng } from '../../src/core/random.js';
import type { Deck, Note } from '../../src/core/types.js';
import { loadDeckCached } from '../../src/io/deck-cache.js';
import { lazyDeck } from '../../src/io/lazy-deck.js';
import { cacheDir } from '../../src/io/paths.js';
import { shippedNotesDir } from '../../src/io/shipped.js';
import { useTempDir } from '../helpers/cli.js';
import { frontMatter } from '../helpers/notes.js';

const shape = (d: Deck) =>
  JSON.stringify({
    topics: d.topics.map((t) => t.id),
    topicsById: [...d.topicsById.keys()],
    groups: [...d.groups.keys()],
    facts: d.facts.map((f) => f.id),
    factsById: [...d.factsById.keys()],
    byGroup: [...d.byGroup].map(([k, v]) => [k, v.map((f) => f.id)]),
    byTopic: [...d.byTopic].map(([k, v]) => [k, v.map((f) => f.id)]),
    byTag: [...d.byTag].map(([k, v]) => [k, v.map((f) => f.id)]),
  });

describe('a deck from the notes cache', () => {
  let env: Record<string, string> = {};
  useTempDir((d) => {
    env = { XDG_CACHE_HOME: join(d, 'cache') };
  });
  const sources = [{ dir: shippedNotesDir(), shipped: true }];
  const load = () => loadDeckCached(sources, { env, version: 'test' });

  it('gives the same quizzes and exams as the parsed deck, loading only what they ask for', async () => {
    const parsed = await load();
    expect(parsed.fromCache).toBe(false);
    for (const topic of ['s3', 'iam', 'vpc']) {
      for (const seed of ['a', 'b', 'bench']) {
        for (const style of ['mixed', 'exam', 'fact'] as const) {
          const cached = await load();
          expect(cached.fromCache).toBe(true);
          expect(cached.facts).toBe(parsed.deck.facts.length);
          const options = { topicIds: [topic], count: 10, type: 'mixed' as const, style };
          expect(JSON.stringify(buildQuiz(cached.deck, options, createRng(seed)))).toBe(JSON.stringify(buildQuiz(parsed.deck, options, createRng(seed))));
        }
      }
    }
    const cached = await load();
    const topicIds = parsed.deck.topics.map((t) => t.id);
    expect(JSON.stringify(buildExam(cached.deck, { topicIds, total: 65 }, createRng('x')))).toBe(
      JSON.stringify(buildExam(parsed.deck, { topicIds, total: 65 }, createRng('x'))),
    );
  });

  it('has the parsed deck’s lists and maps in the same order, whatever was asked first', async () => {
    const parsed = await load();
    const byTopicFirst = (await load()).deck;
    expect(byTopicFirst.byTopic.get('s3')?.length).toBe(parsed.deck.byTopic.get('s3')?.length);
    const fact = byTopicFirst.factsById.get(parsed.deck.facts[0]?.id ?? '');
    expect(shape(byTopicFirst)).toBe(shape(parsed.deck));
    // The objects handed out before the whole deck loaded are the deck's own.
    expect(byTopicFirst.facts.find((f) => f.id === fact?.id)).toBe(fact);
    const tagsFirst = (await load()).deck;
    expect(tagsFirst.byTag.size).toBe(parsed.deck.byTag.size);
    expect(shape(tagsFirst)).toBe(shape(parsed.deck));
    expect(shape((await load()).deck)).toBe(shape(parsed.deck));
  });

  it('answers the deck-wide tier of cloze blanks from its index, loading only the notes a quiz takes options from', async () => {
    const parsed = (await load()).deck;
    const notes: Note[] = parsed.topics.map((t) => ({
      topic: t,
      groups: [...parsed.groups.values()].filter((g) => g.topicId === t.id),
      facts: parsed.byTopic.get(t.id) ?? [],
    }));
    const tags = notes.map((n) => [...new Set(n.facts.flatMap((f) => f.tags))]);
    const options = { topicIds: ['s3'], count: 10, type: 'mixed' as const };
    const quiz = (seed: string, withIndex: boolean) => {
      const loaded = new Set<number>();
      const deck = lazyDeck(
        notes.map((n) => n.topic),
        (i) => {
          loaded.add(i);
          return notes[i] as Note;
        },
        tags,
      );
      if (withIndex) provideBlankIndex(deck, () => clozeBlankIndex(parsed.facts));
      const questions = JSON.stringify(buildQuiz(deck, options, createRng(seed)));
      return { questions, loaded: loaded.size };
    };
    // A quiz that asks the deck-wide tier: without the index, that reads every note.
    const seed = Array.from({ length: 200 }, (_, i) => `s${i}`).find((s) => quiz(s, false).loaded === notes.length);
    expect(seed).toBeDefined();
    const expected = JSON.stringify(buildQuiz(parsed, options, createRng(seed as string)));
    const without = quiz(seed as string, false);
    const indexed = quiz(seed as string, true);
    expect(indexed.loaded).toBeLessThan(notes.length);
    expect(without.questions).toBe(expected);
    expect(indexed.questions).toBe(expected);
  });

  it('is rebuilt when its data file is damaged, cut short or from another index', async () => {
    await load();
    const data = join(cacheDir(env), 'notes.data');
    const good = readFileSync(data);
    const other = Buffer.from(good);
    other[10] = other[10] === 0x61 ? 0x62 : 0x61;
    for (const [i, bad] of [good.subarray(0, good.length / 2), other, Buffer.alloc(0)].entries()) {
      writeFileSync(data, bad);
      // A same-size rewrite within the clock tick of the cache write could keep the data file's
      // stamp (coarse file times); that case is caught when the note is read (deck-cache.test.ts).
      const later = new Date(Date.now() + (i + 1) * 10_000);
      utimesSync(data, later, later);
      const r = await load();
      expect(r.fromCache).toBe(false);
      expect(r.deck.facts.length).toBeGreaterThan(1000);
      expect((await load()).fromCache).toBe(true);
    }
  });
});

describe('a lazy deck asked for a tag', () => {
  const note = (id: string, tag: string, other: string) =>
    `${frontMatter(id)}\n# ${id}\n\n## Things // 것들 {#things} #${tag}\n\n- **${id} one** :: the first ${id} thing // 첫째 ${id}\n- **${id} two** :: the second ${id} thing // 둘째 ${id} #${other}\n`;
  const texts = [
    note('alpha', 'storage', 'security'),
    note('beta', 'compute', 'compute'),
    note('gamma', 'storage', 'storage'),
    note('delta', 'security', 'storage'),
  ];
  const notes = texts.map((t, i) => parseNote(`${i}.md`, t, { requireBothLanguages: true }).note as Note);
  const built = buildDeck(notes);
  const tags = built.notes.map((n) => [...new Set(n.facts.flatMap((f) => f.tags))]);

  /** A lazy deck of the four notes, and the indexes of the notes it has loaded so far. */
  const counting = (known?: typeof tags) => {
    const loaded: number[] = [];
    const load = (i: number) => {
      loaded.push(i);
      return built.notes[i] as Note;
    };
    return {
      loaded,
      deck: lazyDeck(
        built.notes.map((n) => n.topic),
        load,
        known,
      ),
    };
  };

  it('loads only the notes whose facts carry it, and lists them as the whole deck does', () => {
    const { loaded, deck } = counting(tags);
    expect(deck.byTag.get('storage')?.map((f) => f.id)).toEqual(built.deck.byTag.get('storage')?.map((f) => f.id));
    expect(loaded.sort()).toEqual([0, 2, 3]);
    expect(deck.byTag.get('compute')?.map((f) => f.id)).toEqual(['beta.things.beta-one', 'beta.things.beta-two']);
    expect(deck.byTag.get('nothing')).toBeUndefined();
    expect(loaded.sort()).toEqual([0, 1, 2, 3]);
    expect([...deck.byTag.keys()]).toEqual([...built.deck.byTag.keys()]);
    expect(deck.byTag.get('security')?.map((f) => f.id)).toEqual(built.deck.byTag.get('security')?.map((f) => f.id));
  });

  it('loads every note for a tag when it does not know which notes carry which', () => {
    const { loaded, deck } = counting();
    expect(deck.byTag.get('compute')?.map((f) => f.id)).toEqual(built.deck.byTag.get('compute')?.map((f) => f.id));
    expect(loaded.length).toBe(4);
  });
});
