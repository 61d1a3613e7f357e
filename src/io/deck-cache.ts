/**
 * A cache of the parsed notes, so that a start-up reads them instead of parsing them. It is
 * keyed by the program version and the path, flags and content hash of every note file (the
 * files are read anyway; hashing them is cheap, and unlike an mtime a hash cannot miss an edit),
 * kept under the XDG cache folder in two files, each written under a temporary name and renamed:
 * `notes.data`, the JSON of each note's groups and facts one after another, and `notes.json`, the
 * index (key, topics, diagnostics, where each note's JSON starts and ends, and the hash of the
 * data file). A cache that is missing, damaged, foreign or for other notes is ignored and
 * rebuilt, never trusted. On a hit the parser (and YAML) is not even loaded, and a note's JSON
 * is parsed only when the deck is first asked about its topic (see lazy-deck.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { buildDeck } from '../core/deck.js';
import type { Diagnostic, Fact, Group, Note, Topic } from '../core/types.js';
import { lazyDeck } from './lazy-deck.js';
import type { LoadedDeck } from './load-notes.js';
import { type NotesSource, type ReadNotes, readNoteFiles } from './note-files.js';
import type { Env } from './paths.js';

const MAGIC = 'saa-notes-cache';
const FORMAT = 3;

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
  /** sha256 of the data file: an index never vouches for a data file it was not written with. */
  data: string;
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

function keyOf(sources: readonly NotesSource[], read: ReadNotes, version: string): string {
  const hash = createHash('sha256').update(`${MAGIC}\0${FORMAT}\0${version}\0`);
  for (const s of sources) hash.update(`dir\0${s.dir}\0${s.shipped ? 1 : 0}\0${s.bilingual ? 1 : 0}\0`);
  for (const f of read.files) hash.update(`file\0${f.file}\0${f.bytes.length}\0`).update(f.bytes);
  for (const d of read.diagnostics) hash.update(`diag\0${d.file}\0${d.message}\0`);
  return hash.digest('hex');
}

/** The index and the data file, when they belong together and to these notes. */
function readCache(dir: string, key: string): { index: CacheFile; data: Buffer } | null {
  try {
    const index = JSON.parse(readFileSync(join(dir, 'notes.json'), 'utf8')) as Partial<CacheFile>;
    if (!fits(index, key)) return null;
    const data = readFileSync(join(dir, 'notes.data'));
    if (sha256(data) !== index.data || index.notes.some((n) => n.end > data.length)) return null;
    return { index, data };
  } catch {
    return null;
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

function writeCache(dir: string, key: string, notes: readonly Note[], diagnostics: Diagnostic[], files: number): void {
  const parts: Buffer[] = [];
  const entries: NoteEntry[] = [];
  let at = 0;
  let facts = 0;
  for (const n of notes) {
    const part = Buffer.from(JSON.stringify({ groups: n.groups, facts: n.facts }), 'utf8');
    entries.push({ topic: n.topic, start: at, end: at + part.length });
    parts.push(part);
    at += part.length;
    facts += n.facts.length;
  }
  const data = Buffer.concat(parts);
  const index: CacheFile = { magic: MAGIC, format: FORMAT, key, notes: entries, diagnostics, files, facts, data: sha256(data) };
  try {
    mkdirSync(dir, { recursive: true });
    // The data first: an index is only ever next to the data it describes (or a newer one, which its hash refuses).
    writeFile(join(dir, 'notes.data'), data);
    writeFile(join(dir, 'notes.json'), JSON.stringify(index));
  } catch {
    // A cache that cannot be written (read-only home, full disk) only costs the next start a parse.
  }
}

export interface CacheOptions {
  env: Env;
  version: string;
  disabled?: boolean;
}

/**
 * The deck of the notes in `sources`, from the cache when it was made from exactly these files.
 * `facts` is the deck's number of facts, known without loading every note of a cached deck.
 */
export async function loadDeckCached(sources: readonly NotesSource[], o: CacheOptions): Promise<LoadedDeck & { fromCache: boolean; facts: number }> {
  const read = readNoteFiles(sources);
  const key = keyOf(sources, read, o.version);
  const dir = cacheDir(o.env);
  const cached = o.disabled ? null : readCache(dir, key);
  if (cached) {
    const { index, data } = cached;
    const deck = lazyDeck(
      index.notes.map((n) => n.topic),
      (i) => {
        const n = index.notes[i] as NoteEntry;
        return { topic: n.topic, ...noteBody(data.toString('utf8', n.start, n.end)) };
      },
    );
    return { deck, diagnostics: index.diagnostics, files: index.files, fromCache: true, facts: index.facts };
  }
  // The parser and its YAML reader load only when there is something to parse.
  const { parseNoteFiles } = await import('./parse-notes.js');
  const parsed = parseNoteFiles(read);
  const built = buildDeck(parsed.notes);
  const diagnostics = [...parsed.diagnostics, ...built.diagnostics];
  if (!o.disabled) writeCache(dir, key, built.notes, diagnostics, read.count);
  return { deck: built.deck, diagnostics, files: read.count, fromCache: false, facts: built.deck.facts.length };
}
