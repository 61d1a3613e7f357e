/**
 * The build's parse of the shipped notes: a first start takes the notes whose bytes the build
 * parsed, parses the rest, and never takes anything from a seed that is damaged or not its own.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeckCached } from '../../src/io/deck-cache.js';
import { loadDeck } from '../../src/io/load-notes.js';
import { readNoteFiles, readReleasedAgain } from '../../src/io/note-files.js';
import { openSeed, seedDataFile } from '../../src/io/notes-seed.js';
import { writeNotesSeed } from '../../src/io/notes-seed-write.js';
import { shippedNotesDir } from '../../src/io/shipped.js';
import { useTempDir } from '../helpers/cli.js';

const NAMES = ['02-iam.md', '08-s3.md', '18-vpc.md'];

describe('the notes seed', () => {
  let dir = '';
  let notes = '';
  let seed = '';
  let caches = 0;
  useTempDir((d) => {
    dir = d;
    notes = join(d, 'notes');
    mkdirSync(notes);
    for (const n of NAMES) copyFileSync(join(shippedNotesDir(), n), join(notes, n));
    seed = join(d, 'notes-seed.json');
    expect(writeNotesSeed(notes, 'test', seed)).toBe(NAMES.length);
  });
  /** A first start: a cache folder never used before. */
  const firstStart = (o: { at?: string; version?: string; disabled?: boolean; cache?: string } = {}) =>
    loadDeckCached([{ dir: o.at ?? notes, shipped: true }], {
      env: { XDG_CACHE_HOME: o.cache ?? join(dir, `cache-${++caches}`) },
      version: o.version ?? 'test',
      seed,
      disabled: o.disabled,
    });
  const factsOf = (r: { deck: { facts: readonly unknown[] } }) => JSON.parse(JSON.stringify(r.deck.facts));
  const parsedDeck = (at = notes) => loadDeck([{ dir: at, shipped: true }]).deck;

  it('gives a first start the notes as a parse gives them, without parsing, and the cache it would have written', async () => {
    const cache = join(dir, 'cache-first');
    const r = await firstStart({ cache });
    expect(r.parsedFiles).toBe(0);
    expect(r.fromCache).toBe(true);
    expect(factsOf(r)).toEqual(JSON.parse(JSON.stringify(parsedDeck().facts)));
    expect(r.deck.topics.map((t) => t.file)).toEqual(NAMES.map((n) => join(notes, n)));
    expect(r.deck.topics.every((t) => t.shipped)).toBe(true);
    // The cache is written (its data a copy of the seed's), and the next start reads it: the same notes.
    expect(readFileSync(join(cache, 'saa', 'notes.data')).equals(readFileSync(seedDataFile(seed)))).toBe(true);
    expect(existsSync(join(cache, 'saa', 'notes.json'))).toBe(true);
    const next = await firstStart({ cache });
    expect(next.fromCache).toBe(true);
    expect(factsOf(next)).toEqual(factsOf(r));
  });

  it('matches notes by their bytes, so a copy of the notes elsewhere (an install) still takes it', async () => {
    const moved = join(dir, 'installed', 'notes');
    mkdirSync(join(dir, 'installed'));
    renameSync(notes, moved);
    const r = await firstStart({ at: moved });
    expect(r.parsedFiles).toBe(0);
    expect(r.deck.topics.map((t) => t.file)).toEqual(NAMES.map((n) => join(moved, n)));
    expect(factsOf(r)).toEqual(JSON.parse(JSON.stringify(parsedDeck(moved).facts)));
  });

  it("gives a start with the user's notes too the shipped ones it holds, and parses the user's", async () => {
    const mine = join(dir, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, '41-mine.md'), readFileSync(join(shippedNotesDir(), '13-serverless.md'), 'utf8').replace(/^id: \S+/m, 'id: mine'));
    const sources = [
      { dir: notes, shipped: true },
      { dir: mine, shipped: false },
    ];
    const r = await loadDeckCached(sources, { env: { XDG_CACHE_HOME: join(dir, 'cache-mixed') }, version: 'test', seed });
    expect(r.parsedFiles).toBe(1);
    expect(factsOf(r)).toEqual(JSON.parse(JSON.stringify(loadDeck(sources).deck.facts)));
  });

  it('parses a note changed since the build, and shows its change', async () => {
    const s3 = join(notes, '08-s3.md');
    const text = readFileSync(s3, 'utf8');
    const changed = text.replace(/^(- \*\*[^*]+\*\* :: )/m, '$1CHANGED ');
    expect(changed).not.toBe(text);
    writeFileSync(s3, changed);
    const r = await firstStart();
    expect(r.parsedFiles).toBe(1);
    expect(factsOf(r)).toEqual(JSON.parse(JSON.stringify(parsedDeck().facts)));
    expect(JSON.stringify(r.deck.facts)).toContain('CHANGED');
  });

  it('sees an added, a removed and a renamed note', async () => {
    copyFileSync(join(shippedNotesDir(), '13-serverless.md'), join(notes, '13-serverless.md'));
    const added = await firstStart();
    expect(added.parsedFiles).toBe(1);
    expect(added.deck.topics.map((t) => t.id)).toContain('serverless');
    rmSync(join(notes, '13-serverless.md'));
    rmSync(join(notes, '02-iam.md'));
    const removed = await firstStart();
    expect(removed.deck.topics.map((t) => t.id)).toEqual(['s3', 'vpc']);
    // The name carries the order: a renamed note is parsed, not taken under its old name.
    renameSync(join(notes, '18-vpc.md'), join(notes, '19-vpc.md'));
    const renamed = await firstStart();
    expect(renamed.parsedFiles).toBe(1);
    expect(renamed.deck.topicsById.get('vpc')?.order).toBe(19);
  });

  it('offers nothing when either file is damaged, cut short, foreign or for another version, and the notes are parsed', async () => {
    const flip = (b: Buffer, at: number) => {
      const c = Buffer.from(b);
      c[at] = (c[at] ?? 0) ^ 0x20;
      return c;
    };
    const parsesAll = async () => {
      const r = await firstStart();
      expect(r.parsedFiles).toBe(NAMES.length);
      expect(factsOf(r)).toEqual(JSON.parse(JSON.stringify(parsedDeck().facts)));
    };
    for (const file of [seed, seedDataFile(seed)]) {
      const good = readFileSync(file);
      for (const bad of [flip(good, good.length - 50), good.subarray(0, good.length - 100), Buffer.alloc(4096, 7), Buffer.alloc(0)]) {
        writeFileSync(file, bad);
        await parsesAll();
      }
      rmSync(file);
      await parsesAll();
      writeFileSync(file, good);
    }
    writeFileSync(seed, '{"magic":"saa-notes-seed"}\n{}\n');
    await parsesAll();
    expect(writeNotesSeed(notes, 'test', seed)).toBe(NAMES.length);
    expect((await firstStart({ version: 'other' })).parsedFiles).toBe(NAMES.length);
    expect((await firstStart()).parsedFiles).toBe(0);
  });

  it('takes nothing from a damaged data file when the user has notes of their own too', async () => {
    const mine = join(dir, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, '41-mine.md'), readFileSync(join(shippedNotesDir(), '13-serverless.md'), 'utf8').replace(/^id: \S+/m, 'id: mine'));
    const data = seedDataFile(seed);
    const bad = readFileSync(data);
    bad[100] = (bad[100] ?? 0) ^ 1;
    writeFileSync(data, bad);
    const sources = [
      { dir: notes, shipped: true },
      { dir: mine, shipped: false },
    ];
    const r = await loadDeckCached(sources, { env: { XDG_CACHE_HOME: join(dir, 'cache-mixed-bad') }, version: 'test', seed });
    expect(r.parsedFiles).toBe(NAMES.length + 1);
    expect(factsOf(r)).toEqual(JSON.parse(JSON.stringify(loadDeck(sources).deck.facts)));
  });

  it('lets a first start hold only the hashes of the notes it takes, and reads one again when the seed fails it', () => {
    const s = openSeed(seed, 'test');
    writeFileSync(join(notes, '18-vpc.md'), `${readFileSync(join(notes, '18-vpc.md'), 'utf8')}\n`);
    const read = readNoteFiles([{ dir: notes, shipped: true }], { known: (file, hash) => s?.knows(file, hash) ?? false });
    expect(read.files.map((f) => [f.released === true, f.bytes.length > 0, f.sha256?.length])).toEqual([
      [true, false, 64],
      [true, false, 64],
      [false, true, 64],
    ]);
    // The edited note is held whole and parses as it reads now.
    expect(read.files[2]?.text).toBe(readFileSync(join(notes, '18-vpc.md'), 'utf8'));
    // The seed gave nothing for S3 after all: it is read again; a note gone meanwhile is a diagnostic, not a crash.
    const notS3 = (file: string) => !file.endsWith('08-s3.md');
    const again = readReleasedAgain(read, notS3);
    expect(again.files.map((f) => [basename(f.file), f.released === true])).toEqual([
      ['02-iam.md', true],
      ['08-s3.md', false],
      ['18-vpc.md', false],
    ]);
    expect(again.files[1]?.text).toBe(readFileSync(join(notes, '08-s3.md'), 'utf8'));
    rmSync(join(notes, '08-s3.md'));
    const gone = readReleasedAgain(read, notS3);
    expect(gone.files.map((f) => basename(f.file))).toEqual(['02-iam.md', '18-vpc.md']);
    expect(gone.diagnostics).toEqual([{ file: join(notes, '08-s3.md'), line: 0, severity: 'error', message: 'cannot read: ENOENT' }]);
    expect(gone.count).toBe(3);
  });

  it('is not read with the cache turned off', async () => {
    const r = await firstStart({ disabled: true });
    expect(r.parsedFiles).toBe(NAMES.length);
    expect(r.fromCache).toBe(false);
  });

  it('still gives the deck when the cache folder cannot be written', async () => {
    // A file where the cache folder should be: nothing can be written under it, even by root.
    const cache = join(dir, 'not-a-folder');
    writeFileSync(cache, '');
    const r = await firstStart({ cache });
    expect(r.parsedFiles).toBe(0);
    expect(factsOf(r)).toEqual(JSON.parse(JSON.stringify(parsedDeck().facts)));
  });

  it('is written only for notes that parse cleanly', () => {
    writeFileSync(join(notes, '30-broken.md'), '---\nid: broken\n---\n\n- **Term** :: only English\n');
    expect(writeNotesSeed(notes, 'test', join(dir, 'other-seed.json'))).toMatch(/diagnostics/);
  });
});
