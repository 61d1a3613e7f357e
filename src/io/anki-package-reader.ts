/**
 * Reading an Anki package (.apkg, .colpkg): a zip holding the collection as SQLite. Packages
 * written with "Support older Anki versions" hold `collection.anki21` or `collection.anki2`
 * (schema 11), which is read here; newer ones hold only `collection.anki21b` (zstd-compressed,
 * schema 18) next to a stub `collection.anki2` that says "please update", so that case is named
 * instead of importing the stub. The collection is copied to a temporary file and opened
 * read-only; the package itself is never opened for writing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { inDeck, type PackageNote } from '../core/import/anki-notes.js';
import { ImportFormatError } from '../core/import/card.js';
import { isZip } from './import-text.js';
import { readRegularBytes } from './note-files.js';
import { AnkiDecksSchema, AnkiModelsSchema, checkJson, SchemaError } from './schemas.js';
import { openDatabase } from './sqlite.js';
import { SqliteModuleError } from './sqlite-module-error.js';

/** A package with its media can be large; its collection is read into memory whole. */
export const MAX_PACKAGE_BYTES = 1024 * 1024 * 1024;
const MAX_COLLECTION_BYTES = 1024 * 1024 * 1024;
/** Notes read from one package (the note writer keeps far fewer). */
const MAX_NOTES = 100_000;

const LEGACY = ['collection.anki21', 'collection.anki2'];
const NEWER = 'collection.anki21b';

export const NEEDS_LEGACY_EXPORT =
  'this package was written by a newer Anki (it holds only collection.anki21b); in Anki choose File → Export, "Anki Deck Package", tick "Support older Anki versions", and import that file';

export interface AnkiPackage {
  notes: PackageNote[];
  /** Decks that hold notes, by name. */
  decks: string[];
  /** Notes past MAX_NOTES, not read. */
  leftOut: number;
}

function collectionOf(bytes: Uint8Array): Uint8Array {
  if (!isZip(bytes)) throw new ImportFormatError('this is not an Anki package (.apkg/.colpkg is a zip file); for a CSV or text export use "saa import csv"');
  const names: string[] = [];
  let tooBig = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        const wanted = LEGACY.includes(f.name);
        if (wanted && f.originalSize > MAX_COLLECTION_BYTES) tooBig = true;
        return wanted && !tooBig;
      },
    });
  } catch (err) {
    throw new ImportFormatError(`the zip file is damaged (${(err as Error).message})`);
  }
  if (tooBig) throw new ImportFormatError(`its collection is larger than ${MAX_COLLECTION_BYTES / 1024 / 1024} MiB`);
  const legacy = LEGACY.find((n) => files[n]);
  // A newer package's collection.anki2 is a stub whose one note asks the user to update Anki.
  if (names.includes(NEWER) && legacy !== 'collection.anki21') throw new ImportFormatError(NEEDS_LEGACY_EXPORT);
  if (!legacy) throw new ImportFormatError('this zip file is not an Anki package: it has no collection.anki2 inside');
  return files[legacy] as Uint8Array;
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

function readCollection(file: string, deck: string | undefined): AnkiPackage {
  const db = openDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const col = db.prepare('SELECT models, decks FROM col LIMIT 1').get() as { models: string; decks: string } | undefined;
    if (!col) throw new ImportFormatError('its collection has no col row: not an Anki collection');
    const models = checkJson(AnkiModelsSchema, col.models);
    const deckNames = checkJson(AnkiDecksSchema, col.decks);
    const notes: PackageNote[] = [];
    const used = new Set<string>();
    let leftOut = 0;
    // A card in a filtered deck keeps its home deck in `odid`: the home deck is the one that groups it.
    const rows = db
      .prepare(
        'SELECT n.guid, n.mid, n.tags, n.flds, (SELECT CASE WHEN c.odid != 0 THEN c.odid ELSE c.did END FROM cards c WHERE c.nid = n.id ORDER BY c.ord LIMIT 1) AS did FROM notes n ORDER BY n.id',
      )
      .iterate() as Iterable<{ guid: unknown; mid: unknown; tags: unknown; flds: unknown; did: unknown }>;
    for (const r of rows) {
      const name = deckNames[String(r.did)]?.name ?? '';
      used.add(name);
      if (deck !== undefined && !inDeck(name, deck)) continue;
      if (notes.length >= MAX_NOTES) {
        leftOut++;
        continue;
      }
      notes.push({
        guid: String(r.guid ?? ''),
        fields: String(r.flds ?? '').split('\u001f'),
        cloze: models[String(r.mid)]?.type === 1,
        tags: String(r.tags ?? ''),
        deck: name,
      });
    }
    return { notes, decks: [...used].filter(Boolean).sort(), leftOut };
  } finally {
    db.close();
  }
}

/** The notes of the package at `file` (of the deck `deck` and its children, when given). */
export function readAnkiPackage(file: string, deck?: string): AnkiPackage {
  const r = readRegularBytes(file, MAX_PACKAGE_BYTES);
  if ('error' in r) throw new ImportFormatError(r.error.replace('split it into several notes', 'export fewer decks or leave out the media'));
  if (r.bytes.length === 0) throw new ImportFormatError('the file is empty');
  const collection = collectionOf(r.bytes);
  if (Buffer.from(collection.subarray(0, 16)).toString('latin1') !== SQLITE_MAGIC) {
    throw new ImportFormatError('its collection is not an SQLite database: the package is damaged');
  }
  // A collection saved in WAL mode would need its -wal file to open: mark the copy as a rollback-journal database.
  if (collection[18] === 2 && collection[19] === 2) collection.set([1, 1], 18);
  const dir = mkdtempSync(join(tmpdir(), 'saa-anki-'));
  try {
    const copy = join(dir, 'collection.anki2');
    writeFileSync(copy, collection, { mode: 0o600 });
    return readCollection(copy, deck);
  } catch (err) {
    if (err instanceof ImportFormatError || err instanceof SqliteModuleError) throw err;
    if (err instanceof SchemaError) throw new ImportFormatError(`its collection's note types or decks cannot be read (${err.message})`);
    const code = (err as { code?: string }).code ?? '';
    if (/^SQLITE_/.test(code)) throw new ImportFormatError(`its collection is damaged or not an Anki collection (${code}: ${(err as Error).message})`);
    throw err;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
