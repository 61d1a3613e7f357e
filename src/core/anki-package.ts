/**
 * The rows of an Anki package's collection (schema 11, rslib/src/storage/schema11.sql): the
 * same notes as the text export (same guid, deck, fields and tags, see anki.ts), as saa's own
 * note types, with their cards, new or (with history) scheduled, and a review log.
 *
 * Anki imports a package note by its guid: a note it already has is updated in place when the
 * incoming `mod` is newer (rslib/src/import_export/package/apkg/import/notes.rs), so notes carry
 * the export time, and a re-export after a reworded fact replaces the old text. Cards of a note
 * Anki already has are left as they are, scheduling included.
 */
import { ankiDeck, ankiGuid, ankiNotes, ankiTags } from './anki.js';
import { ankiConf, ankiDeckConfigs, ankiDecks, ankiModels, deckIds, notetypeId, uniqueIds } from './anki-models.js';
import { type AnswerEvent, ankiClock, type CardScheduling, type RevlogRow, revlogRows, scheduledCard } from './anki-schedule.js';
import { kindOf } from './kinds/registry.js';
import type { CardState } from './schedule.js';
import { sha1 } from './sha1.js';
import type { Deck, Fact, Lang } from './types.js';

/** Anki's field separator inside `notes.flds`. */
export const FIELD_SEPARATOR = '\x1f';

/** A row of `col`: times in `crt` are epoch seconds, in `mod`/`scm`/`ls` milliseconds; the last five are JSON. */
export interface ColRow {
  id: number;
  crt: number;
  mod: number;
  scm: number;
  ver: number;
  dty: number;
  usn: number;
  ls: number;
  conf: string;
  models: string;
  decks: string;
  dconf: string;
  tags: string;
}

export interface NoteRow {
  id: number;
  guid: string;
  mid: number;
  mod: number;
  usn: number;
  tags: string;
  flds: string;
  sfld: string;
  csum: number;
  flags: number;
  data: string;
}

export interface CardRow extends CardScheduling {
  id: number;
  nid: number;
  did: number;
  ord: number;
  mod: number;
  usn: number;
  odue: number;
  odid: number;
  flags: number;
}

export interface AnkiCollection {
  col: ColRow;
  notes: NoteRow[];
  cards: CardRow[];
  revlog: RevlogRow[];
  /** The topic decks the cards are in (their parents are in `col.decks` too). */
  deckNames: string[];
}

/** saa's history, for `--with-history`: each fact's review state and every answer. */
export interface AnkiHistory {
  cards: readonly CardState[];
  answers: readonly AnswerEvent[];
}

export interface AnkiPackageInput {
  deck: Deck;
  facts: readonly Fact[];
  lang: Lang;
  /** Export time, epoch milliseconds. */
  now: number;
  /** Local UTC offset in minutes west (Korea -540): where Anki's days begin. */
  minutesWest: number;
  /** Applied to every text from the notes (the CLI strips terminal controls). */
  sanitize?: (text: string) => string;
  history?: AnkiHistory | null;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Note text as an Anki field, which Anki reads as HTML: markup characters escaped, line breaks
 * as <br>, the field separator removed, in NFC (Anki normalizes on import; doing it here keeps
 * `csum` what Anki computes).
 */
export function fieldHtml(text: string): string {
  return text
    .normalize('NFC')
    .replaceAll(FIELD_SEPARATOR, '')
    .replace(/[&<>]/g, (c) => HTML_ESCAPES[c] as string)
    .replace(/\r?\n/g, '<br>');
}

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00a0' };

/** A field without its HTML, the way Anki strips the sort field: comments, style/script blocks and tags removed, then entities decoded. */
export function strippedField(html: string): string {
  const text = html.replace(/<!--[\s\S]*?-->|<style[\s\S]*?>[\s\S]*?<\/style>|<script[\s\S]*?>[\s\S]*?<\/script>|<[\s\S]*?>/gi, '');
  if (!text.includes('&')) return text;
  return text.replace(/&(amp|lt|gt|quot|nbsp);/g, (_m, name: string) => HTML_ENTITIES[name] as string).replaceAll('\u00a0', ' ');
}

/** Anki's `csum`: the first 4 bytes of the SHA-1 of the stripped first field, as an unsigned integer. */
export function fieldChecksum(stripped: string): number {
  const h = sha1(stripped);
  return (((h[0] as number) << 24) | ((h[1] as number) << 16) | ((h[2] as number) << 8) | (h[3] as number)) >>> 0;
}

/** A deck name as Anki keeps it: one line, NFC. */
const deckNameOf = (name: string) => name.replace(/[\r\n\x1f]+/g, ' ').normalize('NFC');

/**
 * The cards a note makes, by template ordinal: a Basic note its one template (0), a Cloze note
 * one card per cloze number in its text (cN is ordinal N-1). saa's cloze facts use c1 only.
 */
export function cardOrds(notetype: 'Basic' | 'Cloze', text: string): number[] {
  if (notetype === 'Basic') return [0];
  const ords = new Set([...text.matchAll(/\{\{c(\d+)::/g)].map((m) => Number(m[1]) - 1).filter((n) => n >= 0));
  return ords.size ? [...ords].sort((a, b) => a - b) : [0];
}

export function ankiCollection(input: AnkiPackageInput): AnkiCollection {
  const { deck, facts, lang, now } = input;
  const sanitize = input.sanitize ?? ((t: string) => t);
  const nowSecs = Math.floor(now / 1000);
  const ankiNotesOf = ankiNotes(deck, lang);
  const notes = facts.map((f) => {
    const note = ankiNotesOf.get(f.id) ?? kindOf(f).anki(deck, f, lang);
    const fields = note.fields.map((t) => fieldHtml(sanitize(t)));
    return { fact: f, notetype: note.notetype, guid: sanitize(ankiGuid(f, lang)), fields, ords: cardOrds(note.notetype, fields[0] ?? '') };
  });
  const noteIds = uniqueIds(notes.map((n) => `saa note ${n.guid}`));
  const cardIds = uniqueIds(notes.flatMap((n) => n.ords.map((ord) => `saa card ${n.guid} ${ord}`)));
  const deckOf = new Map(facts.map((f) => [f.id, deckNameOf(sanitize(ankiDeck(deck, f, lang)))]));
  const decks = deckIds(deckOf.values());

  const exported = new Set(facts.map((f) => f.id));
  const states = new Map((input.history?.cards ?? []).filter((c) => exported.has(c.factId)).map((c) => [c.factId, c]));
  const answers = (input.history?.answers ?? []).filter((a) => exported.has(a.factId));
  // Day 0 of the collection is the first day anything happened, so no due day is negative.
  let earliest = now;
  for (const c of states.values()) earliest = Math.min(earliest, c.lastReview ?? now);
  for (const a of answers) earliest = Math.min(earliest, a.answeredAt);
  const clock = ankiClock(earliest, input.minutesWest);

  const tagSet = new Set<string>();
  const noteRows: NoteRow[] = [];
  const cardRows: CardRow[] = [];
  // A fact's history goes to its first card (its only one, for every kind saa has).
  const cardIdOfFact = new Map<string, number>();
  let position = 0;
  for (const { fact: f, notetype, guid, fields, ords } of notes) {
    const sortField = strippedField(fields[0] ?? '');
    const tags = sanitize(ankiTags(deck, f)).normalize('NFC').split(/\s+/).filter(Boolean);
    for (const t of tags) tagSet.add(t);
    const nid = noteIds.get(`saa note ${guid}`) as number;
    noteRows.push({
      id: nid,
      guid,
      mid: notetypeId(notetype),
      mod: nowSecs,
      usn: 0,
      // Anki keeps tags space-separated with a space at each end, so " tag " finds whole tags.
      tags: tags.length ? ` ${tags.join(' ')} ` : '',
      flds: fields.join(FIELD_SEPARATOR),
      sfld: sortField,
      csum: fieldChecksum(sortField),
      flags: 0,
      data: '',
    });
    for (const [k, ord] of ords.entries()) {
      const cid = cardIds.get(`saa card ${guid} ${ord}`) as number;
      if (k === 0) cardIdOfFact.set(f.id, cid);
      cardRows.push({
        id: cid,
        nid,
        did: decks.get(deckOf.get(f.id) as string) as number,
        ord,
        mod: nowSecs,
        usn: 0,
        ...scheduledCard(k === 0 ? (states.get(f.id) ?? null) : null, ++position, clock),
        odue: 0,
        odid: 0,
        flags: 0,
      });
    }
  }

  const col: ColRow = {
    id: 1,
    crt: clock.crt,
    mod: now,
    scm: now,
    ver: 11,
    dty: 0,
    usn: 0,
    ls: 0,
    conf: JSON.stringify(ankiConf({ nextPos: position + 1, minutesWest: input.minutesWest })),
    models: JSON.stringify(ankiModels()),
    decks: JSON.stringify(ankiDecks(decks, nowSecs)),
    dconf: JSON.stringify(ankiDeckConfigs(nowSecs)),
    tags: JSON.stringify(Object.fromEntries([...tagSet].sort().map((t) => [t, 0]))),
  };
  return {
    col,
    notes: noteRows,
    cards: cardRows,
    revlog: input.history ? revlogRows(answers, cardIdOfFact) : [],
    deckNames: [...new Set(deckOf.values())],
  };
}
