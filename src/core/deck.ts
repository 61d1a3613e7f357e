/** Builds the deck from parsed notes and checks what only the whole deck can tell. */
import { distance as editDistance } from 'fastest-levenshtein';
import { type Deck, type Diagnostic, type Fact, groupKey, type Note, type Topic } from './types.js';

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The deck of the notes; `notes` are the ones it was built from (a user's note extending a shipped topic merged in, duplicates left out). */
export function buildDeck(notes: readonly Note[]): { deck: Deck; diagnostics: Diagnostic[]; notes: Note[] } {
  const diagnostics: Diagnostic[] = [];
  const topics: Topic[] = [];
  const names = new Map<string, Topic>();
  const accepted: Note[] = [];

  for (const note of notes) {
    const t = note.topic;
    const clash = names.get(t.id);
    if (clash && clash.id === t.id && clash.shipped && !t.shipped) {
      // A user's note with a shipped topic's id extends that topic (see README, "Your own notes").
      const base = accepted.find((n) => n.topic === clash);
      if (base) accepted[accepted.indexOf(base)] = extend(base, note);
      continue;
    }
    if (clash) {
      diagnostics.push({
        file: t.file,
        line: 1,
        severity: 'error',
        message: `duplicate topic id "${t.id}" (also in ${clash.file}); this note is skipped`,
      });
      continue;
    }
    for (const alias of t.aliases) {
      const other = names.get(alias);
      if (other) {
        diagnostics.push({
          file: t.file,
          line: 1,
          severity: 'error',
          message: `alias "${alias}" is already used by topic "${other.id}" (${other.file})`,
        });
      }
    }
    names.set(t.id, t);
    for (const alias of t.aliases) if (!names.has(alias)) names.set(alias, t);
    topics.push(t);
    accepted.push(note);
  }
  const deck = emptyDeck(topics);
  for (const note of accepted) addNote(deck, note);
  return { deck, diagnostics, notes: accepted };
}

/** A deck of these topics (given in the order their notes were accepted; sorted here) with no groups or facts yet. */
export function emptyDeck(topics: Topic[]): Deck {
  const topicsById = new Map(topics.map((t) => [t.id, t]));
  topics.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return {
    topics,
    topicsById,
    groups: new Map(),
    facts: [],
    factsById: new Map(),
    byGroup: new Map(),
    byTopic: new Map(),
    byTag: new Map(),
  };
}

/** Adds one accepted note's groups and facts to the deck's lists and maps. */
export function addNote(deck: Deck, note: Note): void {
  for (const g of note.groups) deck.groups.set(groupKey(g.topicId, g.id), g);
  addFacts(deck, note.facts);
}

/**
 * The shipped note with the user's facts added: a user fact with the same id replaces the
 * shipped one, a user group with the same id takes its title; the shipped front matter stays.
 */
function extend(base: Note, user: Note): Note {
  const userFacts = new Map(user.facts.map((f) => [f.id, f]));
  const userGroups = new Map(user.groups.map((g) => [g.id, g]));
  const facts = base.facts.map((f) => userFacts.get(f.id) ?? f);
  for (const f of user.facts) if (!base.facts.some((b) => b.id === f.id)) facts.push(f);
  const groups = base.groups.map((g) => userGroups.get(g.id) ?? g);
  for (const g of user.groups) if (!base.groups.some((b) => b.id === g.id)) groups.push(g);
  return { topic: base.topic, groups, facts };
}

/**
 * Indexes a note's facts. A note's facts come group by group, so the group's and topic's lists
 * are looked up when the group changes rather than once per fact (the maps get their keys in the
 * same order either way).
 */
function addFacts(deck: Deck, facts: readonly Fact[]): void {
  let topicId: string | undefined;
  let groupId: string | undefined;
  let inTopic: Fact[] = [];
  let inGroup: Fact[] = [];
  const listOf = (map: Map<string, Fact[]>, key: string): Fact[] => {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    return list;
  };
  for (const f of facts) {
    deck.facts.push(f);
    deck.factsById.set(f.id, f);
    if (f.topicId !== topicId || f.groupId !== groupId) {
      inGroup = listOf(deck.byGroup, groupKey(f.topicId, f.groupId));
      if (f.topicId !== topicId) inTopic = listOf(deck.byTopic, f.topicId);
      topicId = f.topicId;
      groupId = f.groupId;
    }
    inGroup.push(f);
    inTopic.push(f);
    for (const tag of f.tags) push(deck.byTag, tag, f);
  }
}

/** Resolves `s3`, an alias, or a title word to a topic; null when nothing matches. */
export function resolveTopic(deck: Deck, name: string): Topic | null {
  const n = name.trim().toLowerCase();
  return deck.topics.find((t) => t.id === n) ?? deck.topics.find((t) => t.aliases.includes(n)) ?? null;
}

/** Closest topic id or alias by edit distance, for "did you mean" on a typo. */
export function suggestTopic(deck: Deck, name: string): string | null {
  const n = name.trim().toLowerCase();
  let best: { id: string; d: number } | null = null;
  for (const t of deck.topics) {
    for (const candidate of [t.id, ...t.aliases]) {
      const d = editDistance(n, candidate);
      if (!best || d < best.d) best = { id: t.id, d };
    }
    if (t.id.includes(n) || (n.length >= 3 && n.includes(t.id))) return t.id;
  }
  return best && best.d <= Math.max(2, Math.floor(n.length / 3)) ? best.id : null;
}
