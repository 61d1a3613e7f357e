/**
 * A deck whose notes are read from the notes cache only when something asks for them: a quiz on
 * one topic looks up that topic's facts, groups and ids, and the other notes' JSON is never
 * parsed. A tag's facts (distractors from other topics) load the notes that carry the tag.
 * Whatever needs the whole deck (the facts list, iterating or sizing any map) first loads every
 * note and rebuilds the maps in the order buildDeck gives them, from the same objects, so no
 * caller can tell the difference but by the time it took.
 */
import { addNote, emptyDeck } from '../core/deck.js';
import type { Deck, Fact, Group, Note, Topic } from '../core/types.js';

/** Called before a map answers: with the key it is asked about, or with none when it needs every note. */
type Need = (key?: string) => void;

/** A Map that lets its deck load what a lookup needs first. */
class LazyMap<V> extends Map<string, V> {
  need: Need = () => {};
  override get(key: string): V | undefined {
    this.need(key);
    return super.get(key);
  }
  override has(key: string): boolean {
    this.need(key);
    return super.has(key);
  }
  override keys(): MapIterator<string> {
    this.need();
    return super.keys();
  }
  override values(): MapIterator<V> {
    this.need();
    return super.values();
  }
  override entries(): MapIterator<[string, V]> {
    this.need();
    return super.entries();
  }
  override forEach(fn: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    this.need();
    super.forEach(fn, thisArg);
  }
  override [Symbol.iterator](): MapIterator<[string, V]> {
    this.need();
    return super[Symbol.iterator]();
  }
}
const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size')?.get as (this: Map<unknown, unknown>) => number;
Object.defineProperty(LazyMap.prototype, 'size', {
  get(this: LazyMap<unknown>) {
    this.need();
    return mapSize.call(this);
  },
});

/** The topic a group key (`topic.group`) or fact id (`topic.group.key`) belongs to: topic ids have no dots. */
const topicOf = (key: string) => {
  const dot = key.indexOf('.');
  return dot < 0 ? key : key.slice(0, dot);
};

/**
 * `topics` are the accepted notes' topics in the order buildDeck accepted them; `load(i)` gives
 * the i-th note (each is asked for once); `tags[i]`, when known, the tags its facts carry.
 */
export function lazyDeck(topics: readonly Topic[], load: (index: number) => Note, tags?: readonly (readonly string[])[]): Deck {
  const base = emptyDeck([...topics]);
  const indexOf = new Map(topics.map((t, i) => [t.id, i]));
  const notes: (Note | undefined)[] = [];
  const noteAt = (i: number): Note => {
    notes[i] ??= load(i);
    return notes[i];
  };
  const groups = new LazyMap<Group>();
  const factsById = new LazyMap<Fact>();
  const byGroup = new LazyMap<Fact[]>();
  const byTopic = new LazyMap<Fact[]>();
  const byTag = new LazyMap<Fact[]>();
  const facts: Fact[] = [];
  let full = false;
  let busy = false;
  const added = new Set<number>();

  const loadAll = () => {
    full = true;
    for (const m of [groups, factsById, byGroup, byTopic, byTag]) m.clear();
    facts.length = 0;
    busy = true;
    try {
      for (let i = 0; i < topics.length; i++) addNote(deck, noteAt(i));
    } finally {
      busy = false;
    }
    // With every note in, the maps have nothing left to load: plain Maps from here on (distractor
    // tiers look facts up thousands of times).
    for (const m of [groups, factsById, byGroup, byTopic, byTag]) Object.setPrototypeOf(m, Map.prototype);
  };
  /** One topic's note into the lookups (not into the facts list or the tags: those need every note, in order). */
  const loadTopic = (id: string) => {
    const i = indexOf.get(id);
    if (i === undefined || added.has(i)) return;
    added.add(i);
    busy = true;
    try {
      addNote({ topics: deck.topics, topicsById: deck.topicsById, groups, factsById, byGroup, byTopic, facts: [], byTag: new Map() }, noteAt(i));
    } finally {
      busy = false;
    }
  };
  const byKey: Need = (key) => {
    if (full || busy) return;
    if (key === undefined) loadAll();
    else loadTopic(topicOf(key));
  };
  for (const m of [groups, factsById, byGroup, byTopic]) m.need = byKey;
  const taggedDone = new Set<string>();
  /** One tag's list, as buildDeck makes it: the facts carrying it, in note order, from the notes that carry it. */
  const loadTag = (tag: string) => {
    if (taggedDone.has(tag)) return;
    taggedDone.add(tag);
    const list: Fact[] = [];
    busy = true;
    try {
      topics.forEach((_, i) => {
        if (!tags?.[i]?.includes(tag)) return;
        for (const f of noteAt(i).facts) for (const t of f.tags) if (t === tag) list.push(f);
      });
    } finally {
      busy = false;
    }
    if (list.length > 0) byTag.set(tag, list);
  };
  byTag.need = (key) => {
    if (full || busy) return;
    if (key === undefined || !tags) loadAll();
    else loadTag(key);
  };

  const deck: Deck = { topics: base.topics, topicsById: base.topicsById, groups, facts, factsById, byGroup, byTopic, byTag };
  Object.defineProperty(deck, 'facts', {
    enumerable: true,
    get() {
      if (!full && !busy) loadAll();
      return facts;
    },
  });
  return deck;
}
