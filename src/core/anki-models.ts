/**
 * The JSON a schema-11 Anki collection keeps in its `col` row: note types (`models`), decks,
 * deck options (`dconf`) and collection settings (`conf`). Keys and their meaning follow Anki's
 * own readers (rslib/src/notetype/schema11.rs, decks/schema11.rs, deckconfig/schema11.rs,
 * config/schema11.rs); every key those readers require without a default is written.
 *
 * Ids are fixed: derived from a name, never random, so a second export maps onto the note types
 * and decks the first one created. Anki treats an incoming note type with a known id and the
 * same fields and templates as the same note type, and matches decks by name.
 */
import { sha1 } from './sha1.js';

/**
 * Ids look like Anki's own (epoch milliseconds) and stay in the past: Anki refuses a package
 * whose note, card or review ids lie more than a day in the future. 2001-09-09 … 2017-07-14.
 */
const ID_BASE = 1_000_000_000_000;
const ID_SPAN = 500_000_000_000;

/** A stable id for a name: the first 48 bits of its SHA-1, folded into the id range. */
export function stableId(name: string): number {
  const h = sha1(name);
  let n = 0;
  for (let i = 0; i < 6; i++) n = n * 256 + (h[i] as number);
  return ID_BASE + (n % ID_SPAN);
}

/**
 * Ids for many names that must not repeat (note ids, card ids): each name's stable id, moved on by
 * one while taken. Names are placed in sorted order, so the result does not depend on the order
 * they are given in.
 */
export function uniqueIds(names: Iterable<string>): Map<string, number> {
  const taken = new Set<number>();
  const out = new Map<string, number>();
  for (const name of [...new Set(names)].sort()) {
    let id = stableId(name);
    while (taken.has(id)) id++;
    taken.add(id);
    out.set(name, id);
  }
  return out;
}

/** Bumped whenever the templates or styling below change, so Anki updates a note type imported before (it keeps the newer one). */
export const NOTETYPE_MTIME = 1_796_083_200; // 2026-12-01

export type NotetypeKey = 'Basic' | 'Cloze';

interface NotetypeSpec {
  name: string;
  /** Anki's kind: 0 standard, 1 cloze. */
  type: 0 | 1;
  fields: [string, string];
  template: { name: string; qfmt: string; afmt: string };
  css: string;
}

const CARD_CSS =
  '.card {\n  font-family: sans-serif;\n  font-size: 20px;\n  line-height: 1.4;\n  text-align: center;\n  color: black;\n  background-color: white;\n}\n';

/** saa's own names, so they never collide with (or get merged into) a user's stock Basic and Cloze. */
export const NOTETYPES: Record<NotetypeKey, NotetypeSpec> = {
  Basic: {
    name: 'saa Basic',
    type: 0,
    fields: ['Front', 'Back'],
    template: { name: 'Card 1', qfmt: '{{Front}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' },
    css: CARD_CSS,
  },
  Cloze: {
    name: 'saa Cloze',
    type: 1,
    fields: ['Text', 'Back Extra'],
    template: { name: 'Cloze', qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>\n{{Back Extra}}' },
    css: `${CARD_CSS}.cloze {\n  font-weight: bold;\n  color: blue;\n}\n`,
  },
};

export const notetypeId = (key: NotetypeKey) => stableId(`saa notetype ${NOTETYPES[key].name}`);

/** The `models` JSON: note type id (as a string key) → note type. */
export function ankiModels(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(NOTETYPES) as NotetypeKey[]) {
    const nt = NOTETYPES[key];
    const id = notetypeId(key);
    out[String(id)] = {
      id,
      name: nt.name,
      type: nt.type,
      mod: NOTETYPE_MTIME,
      usn: 0,
      sortf: 0,
      did: null,
      tmpls: [
        {
          ...nt.template,
          ord: 0,
          bqfmt: '',
          bafmt: '',
          did: null,
          bfont: '',
          bsize: 0,
          // Anki matches templates and fields by these ids when both sides have one: fixed, like the note type's.
          id: stableId(`saa template ${nt.name} ${nt.template.name}`),
        },
      ],
      flds: nt.fields.map((name, ord) => ({
        name,
        ord,
        sticky: false,
        rtl: false,
        font: 'Arial',
        size: 20,
        description: '',
        plainText: false,
        collapsed: false,
        excludeFromSearch: false,
        id: stableId(`saa field ${nt.name} ${name}`),
        tag: null,
        preventDeletion: false,
      })),
      css: nt.css,
      latexPre: '\\documentclass[12pt]{article}\n\\usepackage{amsmath,amssymb}\n\\pagestyle{empty}\n\\begin{document}\n',
      latexPost: '\\end{document}',
      latexsvg: false,
      // Card 1 is made when field 0 is not empty (Anki recomputes this on import anyway).
      req: [[0, 'any', [0]]],
    };
  }
  return out;
}

export const DEFAULT_DECK_ID = 1;
export const DEFAULT_CONF_ID = 1;

/** Deck name → id for the given decks and their parents: each name's stable id (moved on in the rare case two names share one). */
export function deckIds(names: Iterable<string>): Map<string, number> {
  const byKey = uniqueIds(withParents(names).map((name) => `saa deck ${name}`));
  return new Map([...byKey].map(([key, id]) => [key.slice('saa deck '.length), id]));
}

/** Every deck a name needs: itself and each parent (`A::B::C` needs `A` and `A::B`). */
export function withParents(names: Iterable<string>): string[] {
  const all = new Set<string>();
  for (const name of names) {
    const parts = name.split('::');
    for (let i = 1; i <= parts.length; i++) all.add(parts.slice(0, i).join('::'));
  }
  return [...all].sort();
}

/** The `decks` JSON: Anki's Default deck (every collection has one) and the given decks (from `deckIds`, parents included). */
export function ankiDecks(ids: ReadonlyMap<string, number>, mtimeSecs: number): Record<string, unknown> {
  const deck = (id: number, name: string) => ({
    id,
    mod: mtimeSecs,
    name,
    usn: 0,
    // [day, count] of today's study: nothing studied.
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    // Empty, so an import never overwrites a description the user gave the deck.
    desc: '',
    dyn: 0,
    conf: DEFAULT_CONF_ID,
    extendNew: 0,
    extendRev: 0,
  });
  const out: Record<string, unknown> = { [DEFAULT_DECK_ID]: deck(DEFAULT_DECK_ID, 'Default') };
  for (const [name, id] of ids) out[String(id)] = deck(id, name);
  return out;
}

/** The `dconf` JSON: one options group, Anki's defaults (an import keeps the user's own options). */
export function ankiDeckConfigs(mtimeSecs: number): Record<string, unknown> {
  return {
    [DEFAULT_CONF_ID]: {
      id: DEFAULT_CONF_ID,
      mod: mtimeSecs,
      name: 'Default',
      usn: 0,
      maxTaken: 60,
      autoplay: true,
      timer: 0,
      replayq: true,
      dyn: false,
      new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
      rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
      lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
    },
  };
}

/** Anki's day starts at this local hour (its default "next day starts at"). */
export const ROLLOVER_HOUR = 4;

/**
 * The `conf` JSON. `schedVer` 2 matters: without it Anki takes the package for a v1-scheduler
 * collection and converts any card that is not new. `creationOffset` and `rollover` fix how Anki
 * counts days from `crt`, which review cards' due days are counted in.
 */
export function ankiConf(o: { nextPos: number; minutesWest: number }): Record<string, unknown> {
  return {
    activeDecks: [DEFAULT_DECK_ID],
    curDeck: DEFAULT_DECK_ID,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    curModel: null,
    nextPos: o.nextPos,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true,
    dayLearnFirst: false,
    schedVer: 2,
    sched2021: true,
    creationOffset: o.minutesWest,
    rollover: ROLLOVER_HOUR,
  };
}
