/**
 * A cache of the parsed notes, so that a start-up reads them instead of parsing them. It is
 * keyed by the program version and the path, flags and content hash of every note file (the
 * files are read anyway; hashing them is cheap, and unlike an mtime a hash cannot miss an edit),
 * stored as JSON in one file under the XDG cache folder, written under a temporary name and
 * renamed. A cache that is missing, damaged, foreign or for other notes is ignored and rebuilt,
 * never trusted. On a hit the parser (and YAML) is not even loaded.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { buildDeck } from '../core/deck.js';
import type { Diagnostic, Note } from '../core/types.js';
import type { LoadedDeck } from './load-notes.js';
import { type NotesSource, type ReadNotes, readNoteFiles } from './note-files.js';
import type { Env } from './paths.js';

const MAGIC = 'saa-notes-cache';
const FORMAT = 2;

/** `$XDG_CACHE_HOME/saa`, else `~/.cache/saa` (the home of the given environment). */
export function cacheDir(env: Env): string {
  const base = env.XDG_CACHE_HOME?.startsWith('/') ? env.XDG_CACHE_HOME : join(env.HOME?.startsWith('/') ? env.HOME : homedir(), '.cache');
  return join(base, 'saa');
}

/** Whether the cache is off: `--no-cache` or `SAA_NO_CACHE` (any value but 0 or empty). */
export function cacheDisabled(flag: boolean | undefined, env: Env): boolean {
  return flag === false || (env.SAA_NO_CACHE !== undefined && env.SAA_NO_CACHE !== '' && env.SAA_NO_CACHE !== '0');
}

interface CacheFile {
  magic: string;
  format: number;
  key: string;
  notes: Note[];
  diagnostics: Diagnostic[];
  files: number;
}

/** Enough of the shape to build a deck from; anything else (a truncated or foreign file) is a miss. */
function fits(c: Partial<CacheFile> | null, key: string): c is CacheFile {
  return (
    c?.magic === MAGIC &&
    c.format === FORMAT &&
    c.key === key &&
    typeof c.files === 'number' &&
    Array.isArray(c.diagnostics) &&
    Array.isArray(c.notes) &&
    c.notes.every(
      (n) =>
        typeof n?.topic?.id === 'string' &&
        Array.isArray(n.groups) &&
        Array.isArray(n.facts) &&
        n.facts.every((f) => typeof f?.id === 'string' && typeof f.kind === 'string'),
    )
  );
}

function keyOf(sources: readonly NotesSource[], read: ReadNotes, version: string): string {
  const hash = createHash('sha256').update(`${MAGIC}\0${FORMAT}\0${version}\0`);
  for (const s of sources) hash.update(`dir\0${s.dir}\0${s.shipped ? 1 : 0}\0${s.bilingual ? 1 : 0}\0`);
  for (const f of read.files) hash.update(`file\0${f.file}\0${f.bytes.length}\0`).update(f.bytes);
  for (const d of read.diagnostics) hash.update(`diag\0${d.file}\0${d.message}\0`);
  return hash.digest('hex');
}

function readCache(file: string, key: string): CacheFile | null {
  try {
    const c = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
    return fits(c, key) ? c : null;
  } catch {
    return null;
  }
}

function writeCache(dir: string, file: string, data: CacheFile): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, file);
  } catch {
    // A cache that cannot be written (read-only home, full disk) only costs the next start a parse.
    try {
      rmSync(tmp, { force: true });
    } catch {}
  }
}

export interface CacheOptions {
  env: Env;
  version: string;
  disabled?: boolean;
}

/** The deck of the notes in `sources`, from the cache when it was made from exactly these files. */
export async function loadDeckCached(sources: readonly NotesSource[], o: CacheOptions): Promise<LoadedDeck & { fromCache: boolean }> {
  const read = readNoteFiles(sources);
  const key = keyOf(sources, read, o.version);
  const dir = cacheDir(o.env);
  const file = join(dir, 'notes.json');
  const cached = o.disabled ? null : readCache(file, key);
  if (cached) {
    const built = buildDeck(cached.notes);
    return { deck: built.deck, diagnostics: [...cached.diagnostics, ...built.diagnostics], files: cached.files, fromCache: true };
  }
  // The parser and its YAML reader load only when there is something to parse.
  const { parseNoteFiles } = await import('./parse-notes.js');
  const parsed = parseNoteFiles(read);
  if (!o.disabled) writeCache(dir, file, { magic: MAGIC, format: FORMAT, key, notes: parsed.notes, diagnostics: parsed.diagnostics, files: read.count });
  const built = buildDeck(parsed.notes);
  return { deck: built.deck, diagnostics: [...parsed.diagnostics, ...built.diagnostics], files: read.count, fromCache: false };
}
