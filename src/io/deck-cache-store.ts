/**
 * The notes cache's two files (see deck-cache.ts): the format of the index and the data file,
 * reading them back only when they belong together, and writing them so that a reader never sees
 * an index beside data it was not written with.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { clozeBlankIndex } from '../core/kinds/cloze.js';
import type { Candidate } from '../core/questions/distractors.js';
import type { Diagnostic, Fact, Group, Localized, Note, Topic } from '../core/types.js';
import { sha256, statStamp, writeAtomically } from './cache-files.js';
import { type NoteStamp, readRegularBytes } from './note-files.js';

export const MAGIC = 'saa-notes-cache';
export const FORMAT = 8;
/**
 * The data file's text encoding. Decoding UTF-16 is a copy, where UTF-8 of text that is largely
 * Korean decodes at about a tenth of that speed (13 ms against 3 ms for the shipped notes).
 */
export const DATA_ENCODING = 'utf16le';
/** A note changed this close to the cache's writing may share its stamp with the version cached (FAT keeps times to 2 s). */
export const RACY_MS = 3000;

/** Where one note's JSON (its groups and facts) lies in the data file, by byte offsets. */
export interface NoteEntry {
  topic: Topic;
  start: number;
  end: number;
  /** The tags the note's facts carry, so that a tag's facts load only the notes that have it. */
  tags: string[];
}

/** What one note file parsed to, kept so that a rebuild after other notes changed need not parse it again. */
export interface ParsedFile {
  file: string;
  stamp: string;
  /** The data file's note that this file alone made (buildDeck accepted it unchanged), else -1. */
  note: number;
  /** The parser's diagnostics for this file. */
  diagnostics: Diagnostic[];
}

export interface CacheFile {
  magic: string;
  format: number;
  key: string;
  /** The notes buildDeck accepted, in its order. */
  notes: NoteEntry[];
  /** Where the deck's cloze blanks by unit class (clozeBlankIndex) lie in the data file, after the notes. */
  blanks: { start: number; end: number };
  /** The parser's and buildDeck's, in that order. */
  diagnostics: Diagnostic[];
  files: number;
  facts: number;
  /** The stamp of the data file: an index never vouches for a data file it was not written with. */
  data: string;
  /** Content hashes of the notes whose stamps were too recent to trust when the cache was written. */
  racy: { file: string; sha256: string }[];
  /** Hash of the version and the sources: only a cache of the same ones has parsed files to offer. */
  base: string;
  parsed: ParsedFile[];
}

/** Enough of the shape to build a deck from; anything else (a truncated or foreign file) is a miss. */
function fits(c: Partial<CacheFile> | null, match: { key: string } | { base: string }): c is CacheFile {
  return (
    c?.magic === MAGIC &&
    c.format === FORMAT &&
    ('key' in match ? c.key === match.key : c.base === match.base) &&
    typeof c.key === 'string' &&
    Array.isArray(c.parsed) &&
    c.parsed.every((p) => typeof p?.file === 'string' && typeof p.stamp === 'string' && Number.isInteger(p.note) && Array.isArray(p.diagnostics)) &&
    typeof c.files === 'number' &&
    typeof c.facts === 'number' &&
    typeof c.data === 'string' &&
    Array.isArray(c.racy) &&
    c.racy.every((r) => typeof r?.file === 'string' && typeof r.sha256 === 'string') &&
    Array.isArray(c.diagnostics) &&
    typeof c.blanks === 'object' &&
    c.blanks !== null &&
    Number.isInteger(c.blanks.start) &&
    Number.isInteger(c.blanks.end) &&
    c.blanks.start <= c.blanks.end &&
    Array.isArray(c.notes) &&
    c.notes.every(
      (n) =>
        typeof n?.topic?.id === 'string' &&
        Array.isArray(n.topic.aliases) &&
        Number.isInteger(n.start) &&
        Number.isInteger(n.end) &&
        n.start <= n.end &&
        Array.isArray(n.tags) &&
        n.tags.every((t) => typeof t === 'string'),
    )
  );
}

/**
 * Data that does not hold what its index says (the stamps match, the bytes do not): the start that
 * finds it says so in one line, and the index is removed so that the next start rebuilds.
 */
export class NotesCacheError extends Error {
  override name = 'NotesCacheError';
  constructor() {
    super('the notes cache is damaged; it is rebuilt on the next start (or run again with --no-cache)');
  }
}

function parsed(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw new NotesCacheError();
  }
}

/** One note's groups and facts as the data file holds them, checked like the rest of the cache. */
export function noteBody(json: string): { groups: Group[]; facts: Fact[] } {
  return checkedBody(parsed(json));
}

/** A note's groups and facts, as far as a start can check them without the parser; else NotesCacheError. */
export function checkedBody(value: unknown): { groups: Group[]; facts: Fact[] } {
  const body = value as Partial<{ groups: Group[]; facts: Fact[] }> | null;
  if (!body || !Array.isArray(body.groups) || !Array.isArray(body.facts) || !body.facts.every((f) => typeof f?.id === 'string' && typeof f.kind === 'string')) {
    throw new NotesCacheError();
  }
  return { groups: body.groups, facts: body.facts };
}

const isText = (t: Partial<Localized> | undefined) =>
  typeof t === 'object' && t !== null && (t.en === undefined || typeof t.en === 'string') && (t.ko === undefined || typeof t.ko === 'string');

/** The deck's cloze blanks by unit class as the data file holds them, checked like the rest of the cache. */
export function blankIndex(json: string): Map<string, Candidate[]> {
  const entries = parsed(json);
  const fine =
    Array.isArray(entries) &&
    entries.every(
      (e) =>
        Array.isArray(e) &&
        typeof e[0] === 'string' &&
        Array.isArray(e[1]) &&
        (e[1] as unknown[]).every((c) => Array.isArray(c) && typeof c[0] === 'string' && isText(c[1] as Partial<Localized>)),
    );
  if (!fine) throw new NotesCacheError();
  return new Map((entries as [string, [string, Localized][]][]).map(([cls, list]) => [cls, list.map(([source, text]) => ({ source, text }))]));
}

/** A note's content hash as the racy list keeps it; a note that cannot be read hashes to a word. */
export function contentHash(file: string): string {
  const r = readRegularBytes(file);
  return 'error' in r ? `unreadable: ${r.error}` : sha256(r.bytes);
}

/** The data file, open: one part of it at a time, as text. */
export interface CacheData {
  /** The text between two byte offsets (within the size the index was checked against). */
  text(start: number, end: number): string;
  close(): void;
}

const closer = new FinalizationRegistry<CacheData>((data) => data.close());

/** Closes the data file when `owner` (the deck that reads it) is collected, if the process has not ended first. */
export function closeWith(owner: object, data: CacheData): void {
  closer.register(owner, data);
}

/**
 * The index and the data file, when they belong together and to these notes (by `key`), or to
 * the same version and sources (by `base`, for the parsed files a rebuild can take from them).
 * The data file stays open and is read a note at a time, as the deck asks (most starts need a
 * few of the notes, and 4 MB read whole took 2 ms); a cache written anew meanwhile, by another
 * saa, replaces the file under another inode, so this one still reads what its index describes.
 * The caller closes it (`data.close()`, or `closeWith` its deck).
 */
export function readCache(dir: string, match: { key: string } | { base: string }): { index: CacheFile; data: CacheData } | null {
  let fd: number | undefined;
  try {
    const index = JSON.parse(readFileSync(join(dir, 'notes.json'), 'utf8')) as Partial<CacheFile>;
    if (!fits(index, match)) return null;
    if ('key' in match && index.racy.some((r) => contentHash(r.file) !== r.sha256)) return null;
    fd = openSync(join(dir, 'notes.data'), 'r');
    const st = fstatSync(fd, { bigint: true });
    const size = Number(st.size);
    if (statStamp(st) !== index.data || index.blanks.end > size || index.notes.some((n) => n.end > size)) {
      closeSync(fd);
      return null;
    }
    const open = fd;
    let closed = false;
    const data: CacheData = {
      text(start, end) {
        if (closed) throw new Error('the notes cache was closed');
        const bytes = Buffer.allocUnsafe(end - start);
        let off = 0;
        while (off < bytes.length) {
          const n = readSync(open, bytes, off, bytes.length - off, start + off);
          // Cut short since it was checked: damaged, as far as this start can tell.
          if (n === 0) throw new NotesCacheError();
          off += n;
        }
        return bytes.toString(DATA_ENCODING);
      },
      close() {
        if (closed) return;
        closed = true;
        closeSync(open);
      },
    };
    return { index, data };
  } catch {
    if (fd !== undefined) closeSync(fd);
    return null;
  }
}

/** Notes as the data file holds them: each note's JSON one after another, then the deck's cloze blanks. */
export interface EncodedNotes {
  entries: NoteEntry[];
  /** The data file's bytes, or what writes that file whole (atomically) or throws. */
  data: Buffer | ((file: string) => void);
  blanks: { start: number; end: number };
  facts: number;
}

export function encodeNotes(notes: readonly Note[]): EncodedNotes {
  const parts: Buffer[] = [];
  const entries: NoteEntry[] = [];
  let at = 0;
  let facts = 0;
  for (const n of notes) {
    const part = Buffer.from(JSON.stringify({ groups: n.groups, facts: n.facts }), DATA_ENCODING);
    entries.push({ topic: n.topic, start: at, end: at + part.length, tags: [...new Set(n.facts.flatMap((f) => f.tags))] });
    parts.push(part);
    at += part.length;
    facts += n.facts.length;
  }
  const blanks = [...clozeBlankIndex(notes.flatMap((n) => n.facts))].map(([cls, list]) => [cls, list.map((c) => [c.source, c.text])]);
  const blankPart = Buffer.from(JSON.stringify(blanks), DATA_ENCODING);
  parts.push(blankPart);
  return { entries, data: Buffer.concat(parts), blanks: { start: at, end: at + blankPart.length }, facts };
}

export interface CacheContents {
  key: string;
  base: string;
  notes: EncodedNotes;
  /** Every diagnostic of the load. */
  diagnostics: Diagnostic[];
  /**
   * Each listed note file's stamp, the index in `notes` of the note it alone made (-1 for none, or
   * for a note made from several files), its parser's diagnostics, and its bytes (or their
   * SHA-256) when they were read.
   */
  files: readonly { stamp: NoteStamp; note: number; diagnostics: Diagnostic[]; bytes?: Buffer | undefined; sha256?: string | undefined }[];
  count: number;
}

/** Writes the cache; false when it cannot be written (read-only home, full disk), which only costs the next start a parse. */
export function writeCache(dir: string, c: CacheContents, racyMs: number): boolean {
  const { entries, data, blanks, facts } = c.notes;
  try {
    // The data first: an index is only ever next to the data it describes (or a newer one, which its stamp refuses).
    if (typeof data === 'function') data(join(dir, 'notes.data'));
    else writeAtomically(join(dir, 'notes.data'), data);
    const st = statSync(join(dir, 'notes.data'), { bigint: true });
    // The data file's time is the cache's: the file system's own clock, the one note stamps use.
    const writtenMs = Number(st.mtimeNs / 1_000_000n);
    const racy = c.files
      .filter((f) => f.stamp.changedMs >= writtenMs - racyMs)
      .map((f) => ({ file: f.stamp.file, sha256: f.sha256 ?? (f.bytes ? sha256(f.bytes) : contentHash(f.stamp.file)) }));
    const racyFiles = new Set(racy.map((r) => r.file));
    const parsed = c.files.map((f) => ({
      file: f.stamp.file,
      stamp: f.stamp.stamp,
      note: racyFiles.has(f.stamp.file) ? -1 : f.note,
      diagnostics: f.diagnostics,
    }));
    const index: CacheFile = {
      magic: MAGIC,
      format: FORMAT,
      key: c.key,
      base: c.base,
      notes: entries,
      blanks,
      diagnostics: c.diagnostics,
      files: c.count,
      facts,
      data: statStamp(st),
      racy,
      parsed,
    };
    writeAtomically(join(dir, 'notes.json'), JSON.stringify(index));
    return true;
  } catch {
    return false;
  }
}
