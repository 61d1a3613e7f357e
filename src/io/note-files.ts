/**
 * Reading note files safely: only regular files (a FIFO or a device named `41-x.md` is skipped,
 * never waited on), opened without blocking, their size checked on the open descriptor before a
 * byte is read, and read to that size only.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MAX_BYTES, isTopicFileName } from '../core/parse/file-name.js';
import type { Diagnostic } from '../core/types.js';
import { sha256, statStamp } from './cache-files.js';

export interface NotesSource {
  dir: string;
  /** Shipped notes are held to the stricter rules (both languages on every fact). */
  shipped: boolean;
  /** Hold a user's notes to the shipped rules too (`notes check --bilingual`). */
  bilingual?: boolean;
}

export interface NoteFile {
  file: string;
  /** The file's bytes; the notes cache hashes these, so a start-up from the cache never decodes them. */
  bytes: Buffer;
  /** The bytes as UTF-8 text, decoded on first use. */
  readonly text: string;
  source: NotesSource;
  /** Not read: what it parsed to is taken from the notes cache (its stamp has not changed). */
  reused?: boolean;
  /** The SHA-256 of its bytes, when the read was asked to hash them. */
  sha256?: string;
  /** Read and hashed, its bytes not kept (`bytes` is empty): `known` said another parse of them is at hand. */
  released?: boolean;
}

function noteFile(file: string, bytes: Buffer, source: NotesSource, more?: Pick<NoteFile, 'reused' | 'sha256' | 'released'>): NoteFile {
  let text: string | undefined;
  return {
    file,
    bytes,
    source,
    ...more,
    get text() {
      text ??= bytes.toString('utf8');
      return text;
    },
  };
}

export interface ReadNotes {
  files: NoteFile[];
  /** Topic note files found (read or not). */
  count: number;
  diagnostics: Diagnostic[];
}

/** The text of a regular file of at most `maxBytes`, or why it cannot be read. */
export function readRegularFile(file: string, maxBytes = DEFAULT_MAX_BYTES): { text: string } | { error: string } {
  const r = readRegularBytes(file, maxBytes);
  return 'error' in r ? r : { text: r.bytes.toString('utf8') };
}

/**
 * The bytes of a regular file of at most `maxBytes`, or why it cannot be read. With `scratch`,
 * they are read into it (grown as needed) and the result is a view of it, valid until its next use.
 */
export function readRegularBytes(file: string, maxBytes = DEFAULT_MAX_BYTES, scratch?: { buf: Buffer }): { bytes: Buffer } | { error: string } {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return { error: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { error: 'not a regular file; skipped' };
    if (st.size > maxBytes) return { error: `file is larger than ${Math.round(maxBytes / 1024)} KiB; split it into several notes` };
    // Room for a typical note at once, so that a folder of growing notes does not leave a buffer per size behind.
    if (scratch && scratch.buf.length < st.size) scratch.buf = Buffer.allocUnsafe(Math.max(st.size, 256 * 1024));
    const buf = scratch ? scratch.buf.subarray(0, st.size) : Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < buf.length) {
      const n = readSync(fd, buf, off, buf.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return { bytes: buf.subarray(0, off) };
  } catch (err) {
    return { error: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  } finally {
    closeSync(fd);
  }
}

/**
 * Calls `each` with every `NN-slug.md` path of the folders, in order; a folder that cannot be
 * listed or a stray `.md` is a diagnostic, pushed in the same order.
 */
function eachTopicFile(sources: readonly NotesSource[], diagnostics: Diagnostic[], each: (file: string, source: NotesSource) => void): void {
  for (const source of sources) {
    let names: string[];
    try {
      if (!statSync(source.dir).isDirectory()) throw new Error('not a directory');
      names = readdirSync(source.dir).sort();
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      diagnostics.push({ file: source.dir, line: 0, severity: 'error', message: `cannot read notes folder: ${reason}` });
      continue;
    }
    for (const name of names) {
      if (!name.endsWith('.md')) continue;
      const file = join(source.dir, name);
      if (isTopicFileName(name)) each(file, source);
      else if (!/^readme\.md$/i.test(name)) diagnostics.push({ file, line: 1, severity: 'warning', message: 'not a topic note (name it NN-slug.md); skipped' });
    }
  }
}

/** A note file that could not be read: reported at its line 0, as every read of a note reports it. */
const unreadable = (file: string, message: string): Diagnostic => ({ file, line: 0, severity: 'error', message });

export interface ReadOptions {
  /** Files not to read: listed, marked `reused`. */
  skip?: (file: string) => boolean;
  /**
   * Asked of each shipped note read, with its SHA-256: true when a parse of exactly those bytes
   * is at hand (the notes seed's), so the bytes need not be held. They are read into one buffer
   * and copied out only when kept: a first start holds one note's bytes, not all of them.
   */
  known?: (file: string, sha256: string) => boolean;
}

/**
 * Every `NN-slug.md` of the folders, in order; what cannot be read is a diagnostic, never an
 * exception.
 */
export function readNoteFiles(sources: readonly NotesSource[], options: ReadOptions = {}): ReadNotes {
  const out: ReadNotes = { files: [], count: 0, diagnostics: [] };
  const scratch = options.known ? { buf: Buffer.alloc(0) } : undefined;
  eachTopicFile(sources, out.diagnostics, (file, source) => {
    out.count++;
    if (options.skip?.(file)) {
      out.files.push(noteFile(file, Buffer.alloc(0), source, { reused: true }));
      return;
    }
    const hashed = source.shipped ? scratch : undefined;
    const r = readRegularBytes(file, DEFAULT_MAX_BYTES, hashed);
    if ('error' in r) out.diagnostics.push(unreadable(file, r.error));
    else if (!hashed) out.files.push(noteFile(file, r.bytes, source));
    else {
      const hash = sha256(r.bytes);
      if (options.known?.(file, hash)) out.files.push(noteFile(file, Buffer.alloc(0), source, { sha256: hash, released: true }));
      else out.files.push(noteFile(file, Buffer.from(r.bytes), source, { sha256: hash }));
    }
  });
  return out;
}

/**
 * The files `released` whose other parse `kept` does not have after all (a damaged seed), read
 * again; one that can no longer be read is left out with a diagnostic, as a first read does.
 */
export function readReleasedAgain(read: ReadNotes, kept: (file: string) => boolean): ReadNotes {
  if (!read.files.some((f) => f.released && !kept(f.file))) return read;
  const diagnostics = [...read.diagnostics];
  const files: NoteFile[] = [];
  for (const f of read.files) {
    if (!f.released || kept(f.file)) {
      files.push(f);
      continue;
    }
    const r = readRegularBytes(f.file);
    if ('error' in r) diagnostics.push(unreadable(f.file, r.error));
    else files.push(noteFile(f.file, r.bytes, f.source));
  }
  return { files, count: read.count, diagnostics };
}

/**
 * What a note file's inode says of it, without reading it: size, modification and change times
 * (nanoseconds) and inode number. Any write changes the change time, which no tool can set back,
 * so an edit that keeps the size and restores the modification time still changes the stamp.
 */
export interface NoteStamp {
  file: string;
  stamp: string;
  /** The later of the modification and change times, in milliseconds. */
  changedMs: number;
}

/** The stamps of every topic note of the folders, in the order readNoteFiles reads them, and the listing's diagnostics. */
export function stampNoteFiles(sources: readonly NotesSource[]): { stamps: NoteStamp[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const stamps: NoteStamp[] = [];
  eachTopicFile(sources, diagnostics, (file) => {
    stamps.push(stampOf(file));
  });
  return { stamps, diagnostics };
}

function stampOf(file: string): NoteStamp {
  try {
    const st = statSync(file, { bigint: true });
    const changed = st.mtimeNs > st.ctimeNs ? st.mtimeNs : st.ctimeNs;
    const kind = st.isFile() ? 'file' : 'other';
    return { file, stamp: `${kind}:${statStamp(st)}`, changedMs: Number(changed / 1_000_000n) };
  } catch (err) {
    return { file, stamp: `error:${(err as NodeJS.ErrnoException).code ?? 'unknown'}`, changedMs: 0 };
  }
}
