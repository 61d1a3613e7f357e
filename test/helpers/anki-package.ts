/**
 * Builds small Anki packages for import tests: a schema-11 collection (the tables Anki's
 * rslib/src/storage/schema11.sql creates, with note types and decks as JSON in `col`) written
 * with better-sqlite3, zipped with fflate the way "Support older Anki versions" exports are.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strToU8, zipSync } from 'fflate';

export interface TestNote {
  guid: string;
  type: 'basic' | 'cloze';
  fields: string[];
  tags?: string;
  /** Deck name (`AWS::S3`); "Default" when absent. */
  deck?: string;
}

const SCHEMA = `
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL, ver integer NOT NULL,
  dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
  dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL,
  tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL, mod integer NOT NULL,
  usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
  reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL,
  flags integer NOT NULL, data text NOT NULL);
CREATE INDEX ix_cards_nid ON cards (nid);
`;

const MODELS = {
  '1001': {
    name: 'Basic',
    type: 0,
    flds: [
      { name: 'Front', ord: 0 },
      { name: 'Back', ord: 1 },
    ],
  },
  '1002': {
    name: 'Cloze',
    type: 1,
    flds: [
      { name: 'Text', ord: 0 },
      { name: 'Back Extra', ord: 1 },
    ],
  },
};

/** The collection file's bytes. */
export function ankiCollection(notes: readonly TestNote[]): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'saa-apkg-'));
  try {
    const file = join(dir, 'collection.anki2');
    const db = new Database(file);
    db.exec(SCHEMA);
    const deckNames = ['Default', ...new Set(notes.map((n) => n.deck ?? 'Default'))];
    const deckIds = new Map([...new Set(deckNames)].map((name, i) => [name, i + 1]));
    const decks = Object.fromEntries([...deckIds].map(([name, id]) => [String(id), { id, name }]));
    db.prepare("INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', ?, ?, '{}', '{}')").run(JSON.stringify(MODELS), JSON.stringify(decks));
    const note = db.prepare("INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, '', 0, 0, '')");
    const card = db.prepare("INSERT INTO cards VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '')");
    notes.forEach((n, i) => {
      const id = 1_700_000_000_000 + i;
      note.run(id, n.guid, n.type === 'cloze' ? 1002 : 1001, n.tags ? ` ${n.tags} ` : '', n.fields.join('\u001f'));
      card.run(id, id, deckIds.get(n.deck ?? 'Default'), 0);
    });
    db.close();
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A package: `collection.anki2` (or the entries given) and an empty media map. */
export function ankiPackage(notes: readonly TestNote[], entries?: Record<string, Uint8Array>): Uint8Array {
  return zipSync(entries ?? { 'collection.anki2': ankiCollection(notes), media: strToU8('{}') });
}
