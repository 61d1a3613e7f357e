/**
 * Putting a load's notes together from the files read: each file either taken from what a cache
 * kept of it or parsed. The parser is a parameter so that a load whose every file was kept never
 * loads it (or YAML).
 */
import type { Diagnostic, Note } from '../core/types.js';
import type { NoteFile, ReadNotes } from './note-files.js';

/** What one file parsed to (no note when it could not be parsed at all). */
export interface ParsedNoteFile {
  file: string;
  note: Note | undefined;
  diagnostics: Diagnostic[];
  bytes: Buffer | undefined;
  /** The bytes' SHA-256, when the read hashed them. */
  sha256: string | undefined;
}

export type KeptNote = { note: Note; diagnostics: Diagnostic[] };
export type ParseOne = (f: NoteFile) => { note?: Note | null | undefined; diagnostics: Diagnostic[] };

/**
 * Every file read, in order: what `reuse` kept of it, else its parse. A file marked `reused` (not
 * read) must have been kept. `diagnostics` are the reading's, then each file's in order, as a
 * parse of every file gives them.
 */
export function gatherNotes(
  read: ReadNotes,
  reuse: ((file: string) => KeptNote | undefined) | undefined,
  parse: ParseOne | undefined,
): { notes: Note[]; diagnostics: Diagnostic[]; files: ParsedNoteFile[]; parsedFiles: number } {
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  const notes: Note[] = [];
  const files: ParsedNoteFile[] = [];
  let parsedFiles = 0;
  for (const f of read.files) {
    const kept = reuse?.(f.file);
    if (f.reused && !kept) throw new Error(`${f.file} was not read and has nothing kept to reuse`);
    let parsed: { note?: Note | null | undefined; diagnostics: Diagnostic[] };
    if (kept) parsed = kept;
    else if (parse) {
      parsed = parse(f);
      parsedFiles++;
    } else throw new Error(`${f.file} has nothing kept and no parser was given`);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.note) notes.push(parsed.note);
    files.push({ file: f.file, note: parsed.note ?? undefined, diagnostics: parsed.diagnostics, bytes: f.reused ? undefined : f.bytes, sha256: f.sha256 });
  }
  return { notes, diagnostics, files, parsedFiles };
}
