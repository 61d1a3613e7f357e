/**
 * The build's parse of the shipped notes, so that a first start (no notes cache of its own yet,
 * as after an install or with the cache folder cleared) need not parse them. `npm run build`
 * writes it beside the bundle (`dist/notes-seed.json`, notes-seed-write.ts). Stamps do not
 * survive a copy or an install, so a note is taken from the seed by its bytes: only when they
 * hash to the bytes the build parsed. The file carries a hash of the rest of itself, so a damaged
 * one, like one for another version or cache format, offers nothing, and the notes are parsed.
 *
 * Layout: a line of header JSON (`magic`, `version`, `format`, `sha256` of everything after that
 * line); a line of index JSON (each note file's name and SHA-256, and where its note lies in the
 * data, as the notes cache's index has it, less its path); then the data, as the notes cache's
 * data file holds it (deck-cache-store.ts), so that a start whose every note matches writes its
 * cache from these bytes as they are.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as v from 'valibot';
import type { Topic } from '../core/types.js';
import { sha256 } from './cache-files.js';
import { DATA_ENCODING, type EncodedNotes, FORMAT, type NoteEntry, noteBody } from './deck-cache-store.js';
import type { KeptNote } from './gather-notes.js';

export const SEED_MAGIC = 'saa-notes-seed';

const Header = v.object({ magic: v.literal(SEED_MAGIC), version: v.string(), format: v.number(), sha256: v.string() });
const Span = { start: v.pipe(v.number(), v.integer(), v.minValue(0)), end: v.pipe(v.number(), v.integer(), v.minValue(0)) };
const Index = v.object({
  files: v.record(v.string(), v.string()),
  notes: v.array(
    v.object({
      name: v.string(),
      topic: v.looseObject({ id: v.string(), order: v.number(), title: v.looseObject({}), domains: v.array(v.string()), aliases: v.array(v.string()) }),
      tags: v.array(v.string()),
      ...Span,
    }),
  ),
  blanks: v.object(Span),
  facts: v.number(),
});
export type SeedIndex = v.InferOutput<typeof Index>;

export interface Seed {
  /** What the build parsed from a shipped note file with these bytes, with its path as it is now. */
  take(file: string, bytes: Buffer): KeptNote | undefined;
  /**
   * The whole seed as the notes of exactly these files (each by its bytes), ready for the notes
   * cache, and which note each file made; undefined unless every file is one the build parsed, unchanged.
   */
  image(files: readonly { file: string; bytes: Buffer }[]): { notes: EncodedNotes; noteOf: Map<string, number> } | undefined;
}

/** The seed in `file` when it is whole and for this version and cache format, else undefined. */
export function openSeed(file: string, version: string): Seed | undefined {
  let index: SeedIndex;
  let data: Buffer;
  try {
    const bytes = readFileSync(file);
    const first = bytes.indexOf(10);
    const second = first < 0 ? -1 : bytes.indexOf(10, first + 1);
    if (second < 0) return undefined;
    const header = v.safeParse(Header, JSON.parse(bytes.toString('utf8', 0, first)));
    if (!header.success || header.output.version !== version || header.output.format !== FORMAT) return undefined;
    if (sha256(bytes.subarray(first + 1)) !== header.output.sha256) return undefined;
    const parsed = v.safeParse(Index, JSON.parse(bytes.toString('utf8', first + 1, second)));
    data = bytes.subarray(second + 1);
    if (!parsed.success || [...parsed.output.notes, parsed.output.blanks].some((n) => n.start > n.end || n.end > data.length)) return undefined;
    index = parsed.output;
  } catch {
    return undefined;
  }
  const byName = new Map(index.notes.map((n, i) => [n.name, i]));
  const matches = (path: string, bytes: Buffer) => Object.hasOwn(index.files, basename(path)) && index.files[basename(path)] === sha256(bytes);
  const topicAt = (n: SeedIndex['notes'][number], path: string): Topic => ({ ...(n.topic as unknown as Topic), file: path });
  return {
    take(path, bytes) {
      const n = index.notes[byName.get(basename(path)) ?? -1];
      if (!n || !matches(path, bytes)) return undefined;
      try {
        return { note: { topic: topicAt(n, path), ...noteBody(data.toString(DATA_ENCODING, n.start, n.end)) }, diagnostics: [] };
      } catch {
        return undefined;
      }
    },
    image(files) {
      if (files.length !== index.notes.length) return undefined;
      const noteOf = new Map<string, number>();
      const paths: string[] = [];
      for (const f of files) {
        const i = byName.get(basename(f.file));
        if (i === undefined || paths[i] !== undefined || !matches(f.file, f.bytes)) return undefined;
        paths[i] = f.file;
        noteOf.set(f.file, i);
      }
      const entries: NoteEntry[] = index.notes.map((n, i) => ({ topic: topicAt(n, paths[i] as string), start: n.start, end: n.end, tags: n.tags }));
      return { notes: { entries, data, blanks: index.blanks, facts: index.facts }, noteOf };
    },
  };
}
