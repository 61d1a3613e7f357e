/**
 * The build's parse of the shipped notes, so that a first start (no notes cache of its own yet,
 * as after an install or with the cache folder cleared) need not parse them. `npm run build`
 * writes it beside the bundle (notes-seed-write.ts): `notes-seed.json` and `notes-seed.data`.
 * Stamps do not survive a copy or an install, so a note is taken from the seed by its bytes:
 * only when they hash to the bytes the build parsed (the caller hashes them as it reads them). Both files are hashed before anything in
 * them is used, so a damaged seed, like one for another version or cache format, offers nothing
 * and the notes are parsed.
 *
 * `notes-seed.json` is a line of header JSON (`magic`, `version`, `format`, `sha256` of the next
 * line), then a line of index JSON: each note file's name and SHA-256, where its note lies in the
 * data as the notes cache's index has it (less its path), and the data file's size and SHA-256.
 * `notes-seed.data` is the notes cache's data file (deck-cache-store.ts) for exactly those notes,
 * so that a start whose every note matches makes its cache a copy of it.
 */

import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import * as v from 'valibot';
import type { Topic } from '../core/types.js';
import { sha256 } from './cache-files.js';
import { DATA_ENCODING, type EncodedNotes, FORMAT, type NoteEntry, noteBody } from './deck-cache-store.js';
import type { KeptNote } from './gather-notes.js';

export const SEED_MAGIC = 'saa-notes-seed';
/** The data file beside a seed's index. */
export const seedDataFile = (file: string) => file.replace(/\.json$/, '.data');

const Header = v.object({ magic: v.literal(SEED_MAGIC), version: v.string(), format: v.number(), sha256: v.string() });
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Index = v.object({
  files: v.record(v.string(), v.string()),
  notes: v.array(
    v.object({
      name: v.string(),
      topic: v.looseObject({ id: v.string(), order: v.number(), title: v.looseObject({}), domains: v.array(v.string()), aliases: v.array(v.string()) }),
      tags: v.array(v.string()),
      start: Count,
      end: Count,
    }),
  ),
  blanks: v.object({ start: Count, end: Count }),
  facts: Count,
  data: v.object({ size: Count, sha256: v.string() }),
});
export type SeedIndex = v.InferOutput<typeof Index>;

export interface Seed {
  /** Whether the build parsed a shipped note file of this name whose bytes had this SHA-256. */
  knows(file: string, sha256: string): boolean;
  /** What the build parsed from a shipped note file whose bytes have this SHA-256, with its path as it is now. */
  take(file: string, sha256: string): KeptNote | undefined;
  /**
   * The whole seed as the notes of exactly these files (each by its bytes' SHA-256), for the
   * notes cache, its data written by copying the seed's (and hashing the copy); undefined unless
   * every file is one the build parsed, unchanged.
   */
  image(
    files: readonly { file: string; sha256?: string | undefined }[],
  ): { notes: EncodedNotes & { data: (file: string) => void }; noteOf: Map<string, number> } | undefined;
  /** The seed's data file, read whole and checked; undefined when damaged. */
  data(): Buffer | undefined;
}

/** The SHA-256 of a file, read a piece at a time (the seed's data is megabytes: no need to hold it). */
function hashFile(file: string): { sha256: string; size: number } {
  const fd = openSync(file, 'r');
  try {
    const hash = createHash('sha256');
    const piece = Buffer.allocUnsafe(64 * 1024);
    let size = 0;
    for (let n = readSync(fd, piece); n > 0; n = readSync(fd, piece)) {
      hash.update(piece.subarray(0, n));
      size += n;
    }
    return { sha256: hash.digest('hex'), size };
  } finally {
    closeSync(fd);
  }
}

/** The seed in `file` when its index is whole and for this version and cache format, else undefined. */
export function openSeed(file: string, version: string): Seed | undefined {
  let index: SeedIndex;
  try {
    const bytes = readFileSync(file);
    const first = bytes.indexOf(10);
    const second = first < 0 ? -1 : bytes.indexOf(10, first + 1);
    if (second < 0) return undefined;
    const header = v.safeParse(Header, JSON.parse(bytes.toString('utf8', 0, first)));
    if (!header.success || header.output.version !== version || header.output.format !== FORMAT) return undefined;
    const line = bytes.subarray(first + 1, second);
    if (sha256(line) !== header.output.sha256) return undefined;
    const parsed = v.safeParse(Index, JSON.parse(line.toString('utf8')));
    if (!parsed.success) return undefined;
    index = parsed.output;
  } catch {
    return undefined;
  }
  const { size } = index.data;
  if ([...index.notes, index.blanks].some((n) => n.start > n.end || n.end > size)) return undefined;
  const dataFile = seedDataFile(file);
  const byName = new Map(index.notes.map((n, i) => [n.name, i]));
  const matches = (path: string, hash: string | undefined) =>
    hash !== undefined && Object.hasOwn(index.files, basename(path)) && index.files[basename(path)] === hash;
  const topicAt = (n: SeedIndex['notes'][number], path: string): Topic => ({ ...(n.topic as unknown as Topic), file: path });
  let whole: Buffer | null | undefined;
  const data = (): Buffer | undefined => {
    if (whole === undefined) {
      try {
        const bytes = readFileSync(dataFile);
        whole = bytes.length === size && sha256(bytes) === index.data.sha256 ? bytes : null;
      } catch {
        whole = null;
      }
    }
    return whole ?? undefined;
  };
  return {
    data,
    knows: matches,
    take(path, hash) {
      const n = index.notes[byName.get(basename(path)) ?? -1];
      const all = n && matches(path, hash) ? data() : undefined;
      if (!n || !all) return undefined;
      try {
        return { note: { topic: topicAt(n, path), ...noteBody(all.toString(DATA_ENCODING, n.start, n.end)) }, diagnostics: [] };
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
        if (i === undefined || paths[i] !== undefined || !matches(f.file, f.sha256)) return undefined;
        paths[i] = f.file;
        noteOf.set(f.file, i);
      }
      const entries: NoteEntry[] = index.notes.map((n, i) => ({ topic: topicAt(n, paths[i] as string), start: n.start, end: n.end, tags: n.tags }));
      /** The copy is hashed, not the seed: what lands in the cache is what was checked. */
      const copyTo = (target: string) => {
        const tmp = `${target}.${process.pid}.tmp`;
        try {
          mkdirSync(dirname(target), { recursive: true });
          copyFileSync(dataFile, tmp);
          const got = hashFile(tmp);
          if (got.size !== size || got.sha256 !== index.data.sha256) throw new Error('the notes seed is damaged');
          renameSync(tmp, target);
        } catch (err) {
          rmSync(tmp, { force: true });
          throw err;
        }
      };
      return { notes: { entries, data: copyTo, blanks: index.blanks, facts: index.facts }, noteOf };
    },
  };
}
