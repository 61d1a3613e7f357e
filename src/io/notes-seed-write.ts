/** Writing the seed of the shipped notes that notes-seed.ts reads (at build time: scripts/seed-caches.mjs). */
import { basename } from 'node:path';
import { buildDeck } from '../core/deck.js';
import { sha256, writeAtomically } from './cache-files.js';
import { encodeNotes, FORMAT } from './deck-cache-store.js';
import { readNoteFiles } from './note-files.js';
import { SEED_MAGIC, type SeedIndex, seedDataFile } from './notes-seed.js';
import { parseNoteFiles } from './parse-notes.js';

/**
 * Parses the notes of `dir` as shipped notes and writes their seed to `file` (and its data file beside it). Notes with any
 * diagnostic get none (a start parses them, and its messages name their real paths): the seed is
 * written only when every note parsed cleanly and buildDeck took each as it was. Returns how many
 * notes it holds, or why there is no seed.
 */
export function writeNotesSeed(dir: string, version: string, file: string): number | string {
  const read = readNoteFiles([{ dir, shipped: true }]);
  const parsed = parseNoteFiles(read);
  const built = buildDeck(parsed.notes);
  const problems = parsed.diagnostics.length + built.diagnostics.length;
  if (problems > 0 || built.notes.length !== read.files.length) return `${problems} diagnostics in the notes`;
  const encoded = encodeNotes(built.notes);
  const data = encoded.data as Buffer;
  const index: SeedIndex = {
    files: Object.fromEntries(read.files.map((f) => [basename(f.file), sha256(f.bytes)])),
    notes: encoded.entries.map(({ topic: { file: path, ...topic }, ...at }) => ({ name: basename(path), topic, ...at })),
    blanks: encoded.blanks,
    facts: encoded.facts,
    data: { size: data.length, sha256: sha256(data) },
  };
  const line = JSON.stringify(index);
  const header = JSON.stringify({ magic: SEED_MAGIC, version, format: FORMAT, sha256: sha256(line) });
  // The data first: an index is only ever next to the data it describes.
  writeAtomically(seedDataFile(file), data);
  writeAtomically(file, `${header}\n${line}\n`);
  return encoded.entries.length;
}
