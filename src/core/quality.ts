/**
 * `notes check` warnings for notes that make questions a candidate could game or misread: a
 * stem that names its key, a column that reads as ranks but is not marked, a topic whose false
 * statements lean on absolute words, a statement with no subject under a heading that cannot
 * stand in, a group whose answers mostly belong to other topics' areas, and a group whose
 * answers are things of many kinds (policies beside directories beside pools).
 */
import { kindsOfGroup, mixesKinds } from './answer-kinds.js';
import { namesSubject, singleSubject, usableHeading } from './questions/context.js';
import { ask, choiceFor, keyMuchLonger, MUCH_LONGER, shapesOf } from './questions/generate.js';
import { keyWordsInStem } from './questions/giveaway.js';
import { looksRanked } from './questions/swap.js';
import { createRng } from './random.js';
import { normalize, pick } from './text.js';
import { type Deck, type Diagnostic, type Fact, type Group, groupKey, type ItemFact, type Lang } from './types.js';

/** Words that make a statement absolute; a false statement built on one is guessable. */
export const ABSOLUTE = { en: /\b(always|never|only|all|none|every|cannot|no longer)\b/i, ko: /(항상|절대|오직|뿐이다|모든|전혀|반드시|결코)/ };

const warn = (file: string, line: number, message: string): Diagnostic => ({ file, line, severity: 'warning', message });

/** Facts that can only be asked as true/false because every multiple-choice form names the key in its stem. */
function giveaways(deck: Deck, fileOf: (f: Fact) => string): Diagnostic[] {
  return deck.facts.flatMap((f) => {
    // Seeded by the fact, so an edit elsewhere in the notes never makes this fact's warning come or go.
    const rng = createRng(`notes-check:${f.id}`);
    const shapes = shapesOf(deck, f, 'fact');
    if (shapes.length === 0 || choiceFor(deck, f, rng)) return [];
    const words = new Set<string>();
    for (const s of shapes) {
      const q = ask(deck, f, s, rng);
      if (q) for (const lang of ['en', 'ko'] as const) for (const w of keyWordsInStem(deck, q, lang)) words.add(w);
    }
    if (words.size === 0) return [];
    const list = [...words].map((w) => `"${w}"`).join(', ');
    return [
      warn(fileOf(f), f.line, `fact "${f.id}": every multiple-choice question names the answer in its stem (${list}); reword so the two share no such word`),
    ];
  });
}

/** Table columns whose values read as a scale but are not marked ranked. */
function unmarkedRanks(deck: Deck, file: string, group: Group): Diagnostic[] {
  const rows = (deck.byGroup.get(groupKey(group.topicId, group.id)) ?? []).filter((f) => f.kind === 'row');
  return (group.columns ?? []).flatMap((column, i) => {
    if (group.rankedColumns?.includes(i)) return [];
    const values = rows.flatMap((r) => (r.kind === 'row' && r.cells[i]?.en !== undefined ? [r.cells[i]?.en as string] : []));
    if (!looksRanked(values)) return [];
    return [
      warn(
        file,
        group.line,
        `column "${column.en}" of table #${group.id} reads as ranks (${[...new Set(values)].slice(0, 4).join(', ')}); mark it with ranked="${column.en}" so no rank is swapped into a false statement`,
      ),
    ];
  });
}

/** Names a group's facts answer with, and the topic each name is most at home in. */
function homes(deck: Deck): (name: string | undefined) => string | null {
  const by = new Map<string, Map<string, number>>();
  for (const f of deck.facts) {
    const name = answerOf(f);
    if (!name) continue;
    const m = by.get(normalize(name)) ?? new Map<string, number>();
    m.set(f.topicId, (m.get(f.topicId) ?? 0) + 1);
    by.set(normalize(name), m);
  }
  return (name) => {
    const m = name ? by.get(normalize(name)) : undefined;
    return m ? ([...m].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null) : null;
  };
}
const answerOf = (f: Fact) => (f.kind === 'term' ? f.term.en : f.kind === 'scenario' ? f.answer.en : f.kind === 'row' ? f.label.en : undefined);

/** A group most of whose answers are at home in three or more other topics: its wrong options come from unrelated areas. */
function scattered(deck: Deck, file: string, group: Group, homeOf: (n: string | undefined) => string | null): Diagnostic[] {
  const facts = (deck.byGroup.get(groupKey(group.topicId, group.id)) ?? []).filter((f) => f.kind === 'term' || f.kind === 'scenario');
  if (facts.length < 3) return [];
  const foreign = facts.map((f) => homeOf(answerOf(f))).filter((h): h is string => h !== null && h !== group.topicId);
  const topics = new Set(foreign);
  if (topics.size < 3 || foreign.length * 2 <= facts.length) return [];
  return [
    warn(
      file,
      group.line,
      `group #${group.id} draws its answers from ${topics.size} other topics (${[...topics].join(', ')}); split it so wrong options come from one area`,
    ),
  ];
}

/** A group whose answers are policies, directories, pools … alike: its wrong options are of another kind than the key. */
function mixedKinds(deck: Deck, file: string, group: Group): Diagnostic[] {
  const kinds = kindsOfGroup(deck, group);
  if (!mixesKinds(kinds)) return [];
  const list = kinds.map(([kind, n]) => `${n} ${kind}`).join(', ');
  return [warn(file, group.line, `group #${group.id} mixes kinds of answer (${list}); split it so each group's answers are of one kind`)];
}

/** Points by which the share of false statements with an absolute word may exceed that of true ones. */
const SKEW = 0.15;
const SKEW_MIN = 4;

/** A topic whose false statements lean on "always", "never", "only" far more than its true ones: a candidate learns that such a word means false. */
function absoluteSkew(deck: Deck, topicId: string, file: string): Diagnostic[] {
  const statements = (deck.byTopic.get(topicId) ?? []).flatMap((f) => (f.kind === 'statement' ? [f] : []));
  const share = (truth: boolean) => {
    const some = statements.filter((s) => s.truth === truth);
    const absolute = some.filter((s) => ABSOLUTE.en.test(pick(s.statement, 'en')));
    return { n: some.length, k: absolute.length, share: some.length ? absolute.length / some.length : 0, first: absolute[0] };
  };
  const f = share(false);
  const t = share(true);
  if (f.k < SKEW_MIN || f.share - t.share <= SKEW || !f.first) return [];
  return [
    warn(
      file,
      f.first.line,
      `${f.k} of ${f.n} false statements in topic "${topicId}" turn on an absolute word ("always", "never", "only"), against ${t.k} of ${t.n} true ones: such a word gives the answer away; reword some, or add true ones that use them`,
    ),
  ];
}

/**
 * An item's longest keyed option and its longest wrong one, in one language (a length cue when the
 * first is much the larger; in a "choose two" item one long key is cue enough).
 */
export function keyAndLongestWrong(item: ItemFact, lang: Lang): { key: number; longestWrong: number } {
  const len = (t: { en?: string; ko?: string }) => pick(t, lang).length;
  const longest = (correct: boolean) => Math.max(...item.options.filter((o) => o.correct === correct).map((o) => len(o.text)));
  return { key: longest(true), longestWrong: longest(false) };
}

/**
 * An answer much longer than every wrong option is picked for its length. Only where the writer
 * sets the lengths: an authored statement that no draw of wrong statements can match, and an
 * exam-style item with a key much longer than each of its own wrong options.
 */
function longKeys(deck: Deck, fileOf: (f: Fact) => string): Diagnostic[] {
  return deck.facts.flatMap((f) => {
    if (f.kind === 'statement') {
      const rng = createRng(`notes-check-length:${f.id}`);
      const tries = Array.from({ length: 3 }, () => choiceFor(deck, f, rng));
      if (tries.every((q) => q !== null && keyMuchLonger(q))) {
        return [
          warn(
            fileOf(f),
            f.line,
            `fact "${f.id}": this statement is much longer than every statement it is asked with, which gives it away; shorten it, or write its siblings with as much detail`,
          ),
        ];
      }
    }
    if (f.kind === 'item') {
      const long = (['en', 'ko'] as const).some((lang) => {
        const { key, longestWrong } = keyAndLongestWrong(f, lang);
        return key >= MUCH_LONGER * longestWrong && key - longestWrong >= 8;
      });
      if (long)
        return [warn(fileOf(f), f.line, `item "${f.id}": a keyed option is much longer than every wrong one; make the options alike in length and detail`)];
    }
    return [];
  });
}

export function qualityDiagnostics(deck: Deck): Diagnostic[] {
  const fileOfTopic = (id: string) => deck.topicsById.get(id)?.file ?? id;
  const fileOf = (f: Fact) => fileOfTopic(f.topicId);
  const out: Diagnostic[] = [...giveaways(deck, fileOf), ...longKeys(deck, fileOf)];
  const homeOf = homes(deck);
  for (const group of deck.groups.values()) {
    const file = fileOfTopic(group.topicId);
    out.push(...unmarkedRanks(deck, file, group), ...scattered(deck, file, group, homeOf), ...mixedKinds(deck, file, group));
  }
  for (const f of deck.facts) {
    if (f.kind !== 'statement' && f.kind !== 'cloze') continue;
    const text = f.kind === 'statement' ? f.statement : f.text;
    const title = deck.groups.get(groupKey(f.topicId, f.groupId))?.title ?? {};
    // The topic's title stands in for a heading that cannot, unless it names several services.
    const topicTitle = deck.topicsById.get(f.topicId)?.title ?? {};
    if (!namesSubject(deck, f.topicId, text) && !usableHeading(deck, f.topicId, title) && !singleSubject(topicTitle)) {
      out.push(
        warn(
          fileOf(f),
          f.line,
          `fact "${f.id}" does not name what it is about and its heading "${title.en ?? ''}" cannot stand in; name the service, or give the group a heading that does`,
        ),
      );
    }
  }
  for (const topic of deck.topics) out.push(...absoluteSkew(deck, topic.id, topic.file));
  return out;
}
