/**
 * A cache of the parsed notes, so that a start-up reads them instead of parsing them. It is
 * keyed by the program version, the sources and every note file's path and stamp (size,
 * modification and change times, inode: see note-files.ts), so a start-up from the cache reads
 * no note at all. A file changed within a few seconds of the cache being written could keep its
 * stamp on a file system with coarse times, so such files' content hashes go into the index
 * too and are checked on every start, as git does with racily clean files. The cache lives under
 * the XDG cache folder in two files, each written under a temporary name and renamed:
 * `notes.data`, the JSON of each note's groups and facts one after another, and `notes.json`, the
 * index (key, topics, diagnostics, where each note's JSON starts and ends, the stamp of the data
 * file it was written with). A cache that is missing, damaged, foreign or for other notes is
 * ignored and rebuilt, never trusted. On a hit the parser (and YAML) is not even loaded, and a
 * note's JSON is parsed only when the deck is first asked about its topic (see lazy-deck.ts).
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { buildDeck } from '../core/deck.js';
import type { Diagnostic, Fact, Group, Note, Topic } from '../core/types.js';
import { lazyDeck } from './lazy-deck.js';
import type { LoadedDeck } from './load-notes.js';
import { type NoteStamp, type NotesSource, type ReadNotes, readNoteFiles, readRegularBytes, stampNoteFiles } from './note-files.js';
import type { Env } from './paths.js';

const MAGIC = 'saa-notes-cache';
const FORMAT = 5;
/**
 * The data file's text encoding. Decoding UTF-16 is a copy, where UTF-8 of text that is largely
 * Korean decodes at about a tenth of that speed (13 ms against 3 ms for the shipped notes).
 */
const DATA_ENCODING = 'utf16le';
/** A note changed this close to the cache's writing may share its stamp with the version cached (FAT keeps times to 2 s). */
const RACY_MS = 3000;

/** `$XDG_CACHE_HOME/saa`, else `~/.cache/saa` (the home of the given environment). */
export function cacheDir(env: Env): string {
  const base = env.XDG_CACHE_HOME?.startsWith('/') ? env.XDG_CACHE_HOME : join(env.HOME?.startsWith('/') ? env.HOME : homedir(), '.cache');
  return join(base, 'saa');
}

/** Whether the cache is off: `--no-cache` or `SAA_NO_CACHE` (any value but 0 or empty). */
export function cacheDisabled(flag: boolean | undefined, env: Env): boolean {
  return flag === false || (env.SAA_NO_CACHE !== undefined && env.SAA_NO_CACHE !== '' && env.SAA_NO_CACHE !== '0');
}

/** Where one note's JSON (its groups and facts) lies in the data file, by byte offsets. */
interface NoteEntry {
  topic: Topic;
  start: number;
  end: number;
}

interface CacheFile {
  magic: string;
  format: number;
  key: string;
  /** The notes buildDeck accepted, in its order. */
  notes: NoteEntry[];
  /** The parser's and buildDeck's, in that order. */
  diagnostics: Diagnostic[];
  files: number;
  facts: number;
  /** The stamp of the data file: an index never vouches for a data file it was not written with. */
  data: string;
  /** Content hashes of the notes whose stamps were too recent to trust when the cache was written. */
  racy: { file: string; sha256: string }[];
}

/** Enough of the shape to build a deck from; anything else (a truncated or foreign file) is a miss. */
function fits(c: Partial<CacheFile> | null, key: string): c is CacheFile {
  return (
    c?.magic === MAGIC &&
    c.format === FORMAT &&
    c.key === key &&
    typeof c.files === 'number' &&
    typeof c.facts === 'number' &&
    typeof c.data === 'string' &&
    Array.isArray(c.racy) &&
    c.racy.every((r) => typeof r?.file === 'string' && typeof r.sha256 === 'string') &&
    Array.isArray(c.diagnostics) &&
    Array.isArray(c.notes) &&
    c.notes.every(
      (n) => typeof n?.topic?.id === 'string' && Array.isArray(n.topic.aliases) && Number.isInteger(n.start) && Number.isInteger(n.end) && n.start <= n.end,
    )
  );
}

/** One note's groups and facts as the data file holds them, checked like the rest of the cache. */
function noteBody(json: string): { groups: Group[]; facts: Fact[] } {
  const body = JSON.parse(json) as Partial<{ groups: Group[]; facts: Fact[] }>;
  if (!Array.isArray(body.groups) || !Array.isArray(body.facts) || !body.facts.every((f) => typeof f?.id === 'string' && typeof f.kind === 'string')) {
    throw new Error('the notes cache is damaged; run again with --no-cache');
  }
  return { groups: body.groups, facts: body.facts };
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

function keyOf(sources: readonly NotesSource[], listed: ReturnType<typeof stampNoteFiles>, version: string): string {
  const hash = createHash('sha256').update(`${MAGIC}\0${FORMAT}\0${version}\0`);
  for (const s of sources) hash.update(`dir\0${s.dir}\0${s.shipped ? 1 : 0}\0${s.bilingual ? 1 : 0}\0`);
  for (const f of listed.stamps) hash.update(`file\0${f.file}\0${f.stamp}\0`);
  for (const d of listed.diagnostics) hash.update(`diag\0${d.file}\0${d.message}\0`);
  return hash.digest('hex');
}

const stampOfStats = (st: { size: bigint; mtimeNs: bigint; ctimeNs: bigint; ino: bigint; dev: bigint }) =>
  `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}:${st.dev}`;

/** A note's content hash as the racy list keeps it; a note that cannot be read hashes to a word. */
function contentHash(file: string): string {
  const r = readRegularBytes(file);
  return 'error' in r ? `unreadable: ${r.error}` : sha256(r.bytes);
}

/** The index and the data file, when they belong together and to these notes. */
function readCache(dir: string, key: string): { index: CacheFile; data: Buffer } | null {
  let fd: number | undefined;
  try {
    const index = JSON.parse(readFileSync(join(dir, 'notes.json'), 'utf8')) as Partial<CacheFile>;
    if (!fits(index, key)) return null;
    if (index.racy.some((r) => contentHash(r.file) !== r.sha256)) return null;
    fd = openSync(join(dir, 'notes.data'), 'r');
    const st = fstatSync(fd, { bigint: true });
    if (stampOfStats(st) !== index.data || index.notes.some((n) => n.end > st.size)) return null;
    const data = Buffer.allocUnsafe(Number(st.size));
    let off = 0;
    while (off < data.length) {
      const n = readSync(fd, data, off, data.length - off, off);
      if (n === 0) return null;
      off += n;
    }
    return { index, data };
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeFile(file: string, data: string | Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {}
    throw err;
  }
}

function writeCache(
  dir: string,
  key: string,
  built: { notes: readonly Note[]; diagnostics: Diagnostic[] },
  stamps: readonly NoteStamp[],
  read: ReadNotes,
  racyMs: number,
): void {
  const { notes, diagnostics } = built;
  const parts: Buffer[] = [];
  const entries: NoteEntry[] = [];
  let at = 0;
  let facts = 0;
  for (const n of notes) {
    const part = Buffer.from(JSON.stringify({ groups: n.groups, facts: n.facts }), DATA_ENCODING);
    entries.push({ topic: n.topic, start: at, end: at + part.length });
    parts.push(part);
    at += part.length;
    facts += n.facts.length;
  }
  const data = Buffer.concat(parts);
  try {
    mkdirSync(dir, { recursive: true });
    // The data first: an index is only ever next to the data it describes (or a newer one, which its stamp refuses).
    writeFile(join(dir, 'notes.data'), data);
    const st = statSync(join(dir, 'notes.data'), { bigint: true });
    // The data file's time is the cache's: the file system's own clock, the one note stamps use.
    const writtenMs = Number(st.mtimeNs / 1_000_000n);
    const bytes = new Map(read.files.map((f) => [f.file, f.bytes]));
    const racy = stamps
      .filter((s) => s.changedMs >= writtenMs - racyMs)
      .map((s) => {
        const b = bytes.get(s.file);
        return { file: s.file, sha256: b ? sha256(b) : contentHash(s.file) };
      });
    const index: CacheFile = { magic: MAGIC, format: FORMAT, key, notes: entries, diagnostics, files: read.count, facts, data: stampOfStats(st), racy };
    writeFile(join(dir, 'notes.json'), JSON.stringify(index));
  } catch {
    // A cache that cannot be written (read-only home, full disk) only costs the next start a parse.
  }
}

export interface CacheOptions {
  env: Env;
  version: string;
  disabled?: boolean;
  /** How recent a note's stamp must be, when the cache is written, for its content hash to be kept and checked (tests set it). */
  racyMs?: number;
}

/**
 * The deck of the notes in `sources`, from the cache when it was made from exactly these files.
 * `facts` is the deck's number of facts, known without loading every note of a cached deck.
 */
export async function loadDeckCached(sources: readonly NotesSource[], o: CacheOptions): Promise<LoadedDeck & { fromCache: boolean; facts: number }> {
  // Stamped before anything is read: a note edited in between is cached under its old stamp and so re-read next time.
  const listed = stampNoteFiles(sources);
  const key = keyOf(sources, listed, o.version);
  const dir = cacheDir(o.env);
  const cached = o.disabled ? null : readCache(dir, key);
  if (cached) {
    const { index, data } = cached;
    const deck = lazyDeck(
      index.notes.map((n) => n.topic),
      (i) => {
        const n = index.notes[i] as NoteEntry;
        return { topic: n.topic, ...noteBody(data.toString(DATA_ENCODING, n.start, n.end)) };
      },
    );
    return { deck, diagnostics: index.diagnostics, files: index.files, fromCache: true, facts: index.facts };
  }
  // The parser and its YAML reader load only when there is something to parse.
  const { parseNoteFiles } = await import('./parse-notes.js');
  const read = readNoteFiles(sources);
  const parsed = parseNoteFiles(read);
  const built = buildDeck(parsed.notes);
  const diagnostics = [...parsed.diagnostics, ...built.diagnostics];
  if (!o.disabled) writeCache(dir, key, { notes: built.notes, diagnostics }, listed.stamps, read, o.racyMs ?? RACY_MS);
  return { deck: built.deck, diagnostics, files: read.count, fromCache: false, facts: built.deck.facts.length };
}
