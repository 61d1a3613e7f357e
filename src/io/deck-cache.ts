/**
 * A cache of the parsed notes, so that a start-up reads them instead of parsing them. It is
 * keyed by the program version, the sources and every note file's path and stamp (size,
 * modification and change times, inode: see note-files.ts), so a start-up from the cache reads
 * no note at all. A file changed within a few seconds of the cache being written could keep its
 * stamp on a file system with coarse times, so such files' content hashes go into the index
 * too and are checked on every start, as git does with racily clean files. The cache lives under
 * the XDG cache folder in two files (deck-cache-store.ts): `notes.data`, the JSON of each note's
 * groups and facts one after another, and `notes.json`, the index. A cache that is missing,
 * damaged, foreign or for other notes is ignored and rebuilt, never trusted. On a hit the parser
 * (and YAML) is not even loaded, and a note's JSON is read and parsed only when the deck is first asked
 * about its topic (see lazy-deck.ts). When some notes changed, the others are taken from the old
 * cache as they were parsed, so an edit costs the parse of the edited note, not of them all.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildDeck } from '../core/deck.js';
import { provideBlankIndex } from '../core/kinds/cloze.js';
import {
  blankIndex,
  type CacheData,
  type CacheFile,
  closeWith,
  DATA_ENCODING,
  encodeNotes,
  FORMAT,
  MAGIC,
  type NoteEntry,
  noteBody,
  RACY_MS,
  readCache,
  writeCache,
} from './deck-cache-store.js';
import { gatherNotes, type KeptNote } from './gather-notes.js';
import { lazyDeck } from './lazy-deck.js';
import type { LoadedDeck } from './load-notes.js';
import { type NotesSource, readNoteFiles, readReleasedAgain, stampNoteFiles } from './note-files.js';
import { openSeed, type Seed } from './notes-seed.js';
import { cacheDir, type Env, noCacheEnv } from './paths.js';

/** Whether the cache is off: `--no-cache` or `SAA_NO_CACHE` (any value but 0 or empty). */
export function cacheDisabled(flag: boolean | undefined, env: Env): boolean {
  return flag === false || noCacheEnv(env);
}

function baseOf(sources: readonly NotesSource[], version: string): string {
  const hash = createHash('sha256').update(`${MAGIC}\0${FORMAT}\0${version}\0`);
  for (const s of sources) hash.update(`dir\0${s.dir}\0${s.shipped ? 1 : 0}\0${s.bilingual ? 1 : 0}\0`);
  return hash.digest('hex');
}

function keyOf(base: string, listed: ReturnType<typeof stampNoteFiles>): string {
  const hash = createHash('sha256').update(`${base}\0`);
  for (const f of listed.stamps) hash.update(`file\0${f.file}\0${f.stamp}\0`);
  for (const d of listed.diagnostics) hash.update(`diag\0${d.file}\0${d.message}\0`);
  return hash.digest('hex');
}

/** What the previous cache parsed, by file, for the files whose stamps have not changed since. */
function reusable(dir: string, base: string, stamps: Map<string, string>): Map<string, KeptNote> {
  const out = new Map<string, KeptNote>();
  const old = readCache(dir, { base });
  if (!old) return out;
  try {
    for (const p of old.index.parsed) {
      const entry = old.index.notes[p.note] as NoteEntry | undefined;
      if (!entry || stamps.get(p.file) !== p.stamp) continue;
      try {
        out.set(p.file, { note: { topic: entry.topic, ...noteBody(old.data.text(entry.start, entry.end)) }, diagnostics: p.diagnostics });
      } catch {
        // A damaged entry is parsed again from its file.
      }
    }
  } finally {
    old.data.close();
  }
  return out;
}

/** A deck whose notes are read from cached data as they are asked for (lazy-deck.ts). */
function fromIndex(
  dir: string,
  index: Pick<CacheFile, 'notes' | 'blanks' | 'diagnostics' | 'files' | 'facts'>,
  data: CacheData,
): LoadedDeck & { fromCache: true; facts: number; parsedFiles: 0 } {
  // Damage behind matching stamps shows only when a part is read: the index goes, so the next start rebuilds.
  const checked = <T>(read: () => T): T => {
    try {
      return read();
    } catch (err) {
      rmSync(join(dir, 'notes.json'), { force: true });
      throw err;
    }
  };
  const deck = lazyDeck(
    index.notes.map((n) => n.topic),
    (i) => {
      const n = index.notes[i] as NoteEntry;
      return checked(() => ({ topic: n.topic, ...noteBody(data.text(n.start, n.end)) }));
    },
    index.notes.map((n) => n.tags),
  );
  closeWith(deck, data);
  provideBlankIndex(deck, () => checked(() => blankIndex(data.text(index.blanks.start, index.blanks.end))));
  return { deck, diagnostics: index.diagnostics, files: index.files, fromCache: true, facts: index.facts, parsedFiles: 0 };
}

/** Data already in memory (a seed's), read as the data file is. */
const inMemory = (bytes: Buffer): CacheData => ({ text: (start, end) => bytes.toString(DATA_ENCODING, start, end), close() {} });

export interface CacheOptions {
  env: Env;
  version: string;
  disabled?: boolean;
  /** How recent a note's stamp must be, when the cache is written, for its content hash to be kept and checked (tests set it). */
  racyMs?: number;
  /** The file of the build's parse of the shipped notes (notes-seed.ts), for a start with no cache to take them from. */
  seed?: string;
}

/**
 * The deck of the notes in `sources`, from the cache when it was made from exactly these files.
 * `facts` is the deck's number of facts, known without loading every note of a cached deck;
 * `parsedFiles` how many note files this load had to parse.
 */
export async function loadDeckCached(
  sources: readonly NotesSource[],
  o: CacheOptions,
): Promise<LoadedDeck & { fromCache: boolean; facts: number; parsedFiles: number }> {
  // Stamped before anything is read: a note edited in between is cached under its old stamp and so re-read next time.
  const listed = stampNoteFiles(sources);
  const base = baseOf(sources, o.version);
  const key = keyOf(base, listed);
  const dir = cacheDir(o.env);
  const cached = o.disabled ? null : readCache(dir, { key });
  if (cached) return fromIndex(dir, cached.index, cached.data);
  const stamps = new Map(listed.stamps.map((s) => [s.file, s.stamp]));
  const reuse = o.disabled ? new Map<string, KeptNote>() : reusable(dir, base, stamps);
  // The seed is opened when the first shipped note is read (null until then; undefined when there is
  // none to use); a note it has the parse of is hashed, not held.
  let seed = null as Seed | undefined | null;
  const seedOf = () => {
    if (seed === null) seed = openSeed(o.seed as string, o.version);
    return seed;
  };
  const known = o.disabled || !o.seed ? undefined : (file: string, hash: string) => seedOf()?.knows(file, hash) ?? false;
  let read = readNoteFiles(sources, { skip: (file) => reuse.has(file), ...(known ? { known } : {}) });
  const racyMs = o.racyMs ?? RACY_MS;
  // A first start on the shipped notes alone, all as the build parsed them: the cache is the seed's bytes.
  const image = seed && reuse.size === 0 && sources.length === 1 && read.diagnostics.length === 0 ? seed.image(read.files) : undefined;
  if (image) {
    const hashOf = new Map(read.files.map((f) => [f.file, f.sha256]));
    const files = listed.stamps.map((stamp) => ({ stamp, note: image.noteOf.get(stamp.file) ?? -1, diagnostics: [], sha256: hashOf.get(stamp.file) }));
    const written = writeCache(dir, { key, base, notes: image.notes, diagnostics: [], files, count: read.count }, racyMs) ? readCache(dir, { key }) : null;
    if (written) return fromIndex(dir, written.index, written.data);
    // No cache can be written here: the seed's data, read whole.
    const { entries, blanks, facts } = image.notes;
    const data = seed?.data();
    if (data) return fromIndex(dir, { notes: entries, blanks, diagnostics: [], files: read.count, facts }, inMemory(data));
  }
  for (const f of seed ? read.files : []) {
    const kept = f.source.shipped && !f.reused && f.sha256 ? seed?.take(f.file, f.sha256) : undefined;
    if (kept) reuse.set(f.file, kept);
  }
  // A note whose bytes were let go for a seed that then failed to give its parse is read again.
  read = readReleasedAgain(read, (file) => reuse.has(file));
  // The parser and its YAML reader load only when there is something to parse.
  const parse = read.files.some((f) => !reuse.has(f.file)) ? (await import('./parse-notes.js')).parseNoteFile : undefined;
  const parsed = gatherNotes(read, (file) => reuse.get(file), parse);
  const built = buildDeck(parsed.notes);
  const diagnostics = [...parsed.diagnostics, ...built.diagnostics];
  if (!o.disabled) {
    const byFile = new Map(parsed.files.map((f) => [f.file, f]));
    const files = listed.stamps.map((stamp) => {
      const f = byFile.get(stamp.file);
      return { stamp, note: f?.note ? built.notes.indexOf(f.note) : -1, diagnostics: f?.diagnostics ?? [], bytes: f?.bytes };
    });
    writeCache(dir, { key, base, notes: encodeNotes(built.notes), diagnostics, files, count: read.count }, racyMs);
  }
  return { deck: built.deck, diagnostics, files: read.count, fromCache: false, facts: built.deck.facts.length, parsedFiles: parsed.parsedFiles };
}
