/**
 * Writes an Anki package in the legacy format every current Anki imports: a zip holding
 * `collection.anki2`, a schema-11 SQLite collection, and `media`, the JSON map of media files
 * (none). The tables and indexes are those of Anki's rslib/src/storage/schema11.sql. The
 * package is written under a temporary name beside the target and renamed over it, so a
 * failure never leaves half a file.
 */
import { accessSync, closeSync, constants, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { AnkiCollection } from '../core/anki-package.js';
import { openDatabase } from './sqlite.js';

const INT = 'integer NOT NULL';
const TEXT = 'text NOT NULL';

/** Column → declared type, per table, in Anki's column order. */
const TABLES: Record<string, Record<string, string>> = {
  col: {
    id: 'integer PRIMARY KEY',
    crt: INT,
    mod: INT,
    scm: INT,
    ver: INT,
    dty: INT,
    usn: INT,
    ls: INT,
    conf: TEXT,
    models: TEXT,
    decks: TEXT,
    dconf: TEXT,
    tags: TEXT,
  },
  notes: {
    id: 'integer PRIMARY KEY',
    guid: TEXT,
    mid: INT,
    mod: INT,
    usn: INT,
    tags: TEXT,
    flds: TEXT,
    // Integer affinity on purpose (as in Anki): a numeric sort field sorts as a number.
    sfld: INT,
    csum: INT,
    flags: INT,
    data: TEXT,
  },
  cards: {
    id: 'integer PRIMARY KEY',
    nid: INT,
    did: INT,
    ord: INT,
    mod: INT,
    usn: INT,
    type: INT,
    queue: INT,
    due: INT,
    ivl: INT,
    factor: INT,
    reps: INT,
    lapses: INT,
    left: INT,
    odue: INT,
    odid: INT,
    flags: INT,
    data: TEXT,
  },
  revlog: {
    id: 'integer PRIMARY KEY',
    cid: INT,
    usn: INT,
    ease: INT,
    ivl: INT,
    lastIvl: INT,
    factor: INT,
    time: INT,
    type: INT,
  },
  graves: { usn: INT, oid: INT, type: INT },
};

/** Index name → table and columns. */
const INDEXES: Record<string, [string, string[]]> = {
  ix_notes_usn: ['notes', ['usn']],
  ix_cards_usn: ['cards', ['usn']],
  ix_revlog_usn: ['revlog', ['usn']],
  ix_cards_nid: ['cards', ['nid']],
  ix_cards_sched: ['cards', ['did', 'queue', 'due']],
  ix_revlog_cid: ['revlog', ['cid']],
  ix_notes_csum: ['notes', ['csum']],
};

/** Identifiers are quoted: `left` is an SQL keyword. */
const q = (name: string) => `"${name}"`;

/** The collection as the bytes of an SQLite file (built in memory: no temporary database on disk). */
export function collectionBytes(c: AnkiCollection): Uint8Array {
  const db = openDatabase(':memory:');
  try {
    for (const [table, columns] of Object.entries(TABLES)) {
      const definitions = Object.entries(columns).map(([name, type]) => `${q(name)} ${type}`);
      db.exec(`CREATE TABLE ${q(table)} (${definitions.join(', ')})`);
    }
    for (const [name, [table, columns]] of Object.entries(INDEXES)) db.exec(`CREATE INDEX ${q(name)} ON ${q(table)} (${columns.map(q).join(', ')})`);
    const insert = (table: string) => {
      const names = Object.keys(TABLES[table] ?? {});
      return db.prepare(`INSERT INTO ${q(table)} (${names.map(q).join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`);
    };
    db.transaction(() => {
      insert('col').run(c.col);
      const note = insert('notes');
      for (const n of c.notes) note.run(n);
      const card = insert('cards');
      for (const k of c.cards) card.run(k);
      const rev = insert('revlog');
      for (const r of c.revlog) rev.run(r);
    })();
    return new Uint8Array(db.serialize());
  } finally {
    db.close();
  }
}

/** The package's bytes: the collection and an empty media map. */
export function apkgBytes(c: AnkiCollection): Uint8Array {
  return zipSync({ 'collection.anki2': collectionBytes(c), media: strToU8('{}') });
}

/** A package that cannot be written where it was asked for; the message is one line naming the file. */
export class PackageWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageWriteError';
  }
}

function reason(err: unknown, file: string): string {
  switch ((err as NodeJS.ErrnoException)?.code) {
    case 'ENOENT':
      return `the folder ${dirname(file)} does not exist`;
    case 'ENOTDIR':
      return `${dirname(file)} is not a folder`;
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return (err as Error)?.message ?? String(err);
  }
}

/** Fails early, before any work, when `file` cannot be written: its folder is missing or not writable, or it is a folder. */
export function checkWritable(file: string): void {
  try {
    if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    if (!statSync(dirname(file)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    accessSync(dirname(file), constants.W_OK);
  } catch (err) {
    throw new PackageWriteError(`cannot write ${file}: ${reason(err, file)}`);
  }
}

/** Writes the package to `file` (a temporary file beside it, then a rename); returns its size in bytes. */
export function writeApkg(file: string, c: AnkiCollection): number {
  checkWritable(file);
  const bytes = apkgBytes(c);
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
      // On disk before the rename: a crash then leaves the old file or the whole new one.
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // Never written, or already gone: nothing to clean up.
    }
    throw new PackageWriteError(`cannot write ${file}: ${reason(err, file)}`);
  }
  return bytes.length;
}
