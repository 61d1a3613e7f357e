/** The parsed-notes cache: every change to the notes is seen on the next start; a bad cache is rebuilt, never trusted. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statStamp } from '../../src/io/cache-files.js';
import { loadDeckCached } from '../../src/io/deck-cache.js';
import { blankIndex, NotesCacheError } from '../../src/io/deck-cache-store.js';
import { cacheDir } from '../../src/io/paths.js';
import { useTempDir } from '../helpers/cli.js';
import { SAMPLE } from '../helpers/notes.js';

const note = (id: string, extra = '') => SAMPLE.replace('id: demo', `id: ${id}`) + extra;

describe('the notes cache', () => {
  let dir = '';
  let notes = '';
  let env: Record<string, string> = {};
  useTempDir((d) => {
    dir = d;
    notes = join(d, 'notes');
    execFileSync('mkdir', ['-p', notes]);
    writeFileSync(join(notes, '41-one.md'), note('one'));
    env = { XDG_CACHE_HOME: join(d, 'cache') };
  });
  const load = () => loadDeckCached([{ dir: notes, shipped: false }], { env, version: 'test' });

  it('parses on the first start, then reads the cache', async () => {
    const first = await load();
    expect(first.fromCache).toBe(false);
    const second = await load();
    expect(second.fromCache).toBe(true);
    expect(second.deck.facts.map((f) => f.id)).toEqual(first.deck.facts.map((f) => f.id));
    expect(second.deck.factsById.get('one.svc.amazon-athena')).toBe(second.deck.facts.find((f) => f.id === 'one.svc.amazon-athena'));
  });

  it('sees a changed note on the next start, even with the same size and modification time', async () => {
    await load();
    const file = join(notes, '41-one.md');
    const before = readFileSync(file, 'utf8');
    // Same length, same mtime: only the content differs.
    const after = before.replace('serverless SQL over files in S3', 'serverless SQL over files in S4');
    expect(after.length).toBe(before.length);
    writeFileSync(file, after);
    utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
    const r = await load();
    expect(r.fromCache).toBe(false);
    const athena = r.deck.factsById.get('one.svc.amazon-athena');
    expect(athena?.kind === 'term' && athena.description.en).toBe('serverless SQL over files in S4');
  });

  it('trusts the stamps of notes not changed lately, and still sees a same-size edit whose modification time was put back', async () => {
    // With nothing counted as recent, the stamps alone decide: the change time moves on any write.
    const stampsOnly = () => loadDeckCached([{ dir: notes, shipped: false }], { env, version: 'test', racyMs: -1e12 });
    const file = join(notes, '41-one.md');
    // A whole second, which utimes can set back exactly.
    const then = new Date(2024, 4, 1, 12, 0, 0);
    utimesSync(file, then, then);
    await stampsOnly();
    const index = () => JSON.parse(readFileSync(join(cacheDir(env), 'notes.json'), 'utf8')) as { racy: unknown[] };
    expect(index().racy).toEqual([]);
    expect((await stampsOnly()).fromCache).toBe(true);
    const size = statSync(file).size;
    writeFileSync(file, readFileSync(file, 'utf8').replace('serverless SQL over files in S3', 'serverless SQL over files in S4'));
    utimesSync(file, then, then);
    expect(statSync(file, { bigint: true }).mtimeNs).toBe(BigInt(then.getTime()) * 1_000_000n);
    expect(statSync(file).size).toBe(size);
    const r = await stampsOnly();
    expect(r.fromCache).toBe(false);
    const athena = r.deck.factsById.get('one.svc.amazon-athena');
    expect(athena?.kind === 'term' && athena.description.en).toBe('serverless SQL over files in S4');
  });

  it('checks a note changed just before the cache was written by its content on every start', async () => {
    await load();
    const file = join(cacheDir(env), 'notes.json');
    const index = JSON.parse(readFileSync(file, 'utf8')) as { racy: { file: string; sha256: string }[] };
    // The note was written a moment ago, so its stamp alone is not trusted.
    expect(index.racy.map((r) => r.file)).toEqual([join(notes, '41-one.md')]);
    expect((await load()).fromCache).toBe(true);
    // A content hash that no longer matches is a miss, whatever the stamps say.
    writeFileSync(file, JSON.stringify({ ...index, racy: [{ file: join(notes, '41-one.md'), sha256: '0'.repeat(64) }] }));
    expect((await load()).fromCache).toBe(false);
  });

  it('sees an added, a removed and a renamed note', async () => {
    await load();
    writeFileSync(join(notes, '42-two.md'), note('two'));
    expect((await load()).deck.topics.map((t) => t.id)).toEqual(['one', 'two']);
    renameSync(join(notes, '42-two.md'), join(notes, '43-three.md'));
    const renamed = await load();
    expect(renamed.fromCache).toBe(false);
    expect(renamed.deck.topics.map((t) => t.order)).toEqual([41, 43]);
    rmSync(join(notes, '43-three.md'));
    expect((await load()).deck.topics.map((t) => t.id)).toEqual(['one']);
  });

  it('rebuilds a truncated, random or foreign cache file instead of trusting it', async () => {
    await load();
    const file = join(cacheDir(env), 'notes.json');
    const good = readFileSync(file, 'utf8');
    for (const bad of [
      good.slice(0, good.length / 2),
      'x'.repeat(1000),
      '{"magic":"saa-notes-cache","format":1}',
      JSON.stringify({ ...JSON.parse(good), notes: [{ topic: null }] }),
      '',
    ]) {
      writeFileSync(file, bad);
      const r = await load();
      expect(r.fromCache).toBe(false);
      expect(r.deck.facts.length).toBeGreaterThan(10);
      // The rebuilt cache is good again.
      expect((await load()).fromCache).toBe(true);
    }
  });

  it('refuses a data file it was not written with', async () => {
    await load();
    const data = join(cacheDir(env), 'notes.data');
    const good = readFileSync(data);
    const before = statSync(data);
    // Same bytes, same size, the old modification time: a replaced file still has another stamp.
    writeFileSync(data, good);
    utimesSync(data, before.atime, before.mtime);
    expect((await load()).fromCache).toBe(false);
    writeFileSync(data, good.subarray(0, 10));
    expect((await load()).fromCache).toBe(false);
    expect((await load()).fromCache).toBe(true);
  });

  it('reads its notes from the data file it opened, even after another start has written a new cache', async () => {
    await load();
    const open = await load();
    expect(open.fromCache).toBe(true);
    writeFileSync(
      join(notes, '41-one.md'),
      note('one').replace('- **Amazon Athena**', '- **Amazon Kinesis** :: a stream written after the deck was opened // 나중에 쓴 스트림\n- **Amazon Athena**'),
    );
    const other = await load();
    expect(other.fromCache).toBe(false);
    const added = other.deck.facts.filter((f) => JSON.stringify(f).includes('written after the deck was opened'));
    expect(added).toHaveLength(1);
    // The first deck still reads what its index describes, not the new file under the old name.
    expect(open.deck.facts.map((f) => f.id)).toEqual(other.deck.facts.filter((f) => f !== added[0]).map((f) => f.id));
  });

  it('reports a note damaged behind matching stamps in one error, and rebuilds on the next start', async () => {
    await load();
    const data = join(cacheDir(env), 'notes.data');
    const indexFile = join(cacheDir(env), 'notes.json');
    const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { data: string; notes: { start: number }[] };
    const bytes = readFileSync(data);
    bytes.write('#', (index.notes[0]?.start ?? 0) + 2, 'utf16le');
    writeFileSync(data, bytes);
    // The index vouches for the damaged file: its stamp is the one written in.
    writeFileSync(indexFile, JSON.stringify({ ...index, data: statStamp(statSync(data, { bigint: true })) }));
    const r = await load();
    expect(r.fromCache).toBe(true);
    expect(() => r.deck.facts).toThrow(NotesCacheError);
    expect(existsSync(indexFile)).toBe(false);
    const next = await load();
    expect(next.fromCache).toBe(false);
    expect(next.deck.facts.length).toBeGreaterThan(10);
    expect((await load()).fromCache).toBe(true);
  });

  it('keeps the deck-wide cloze blanks in order, and refuses them damaged', () => {
    const good = blankIndex('[["size",[["a.g.k",{"en":"5 GB","ko":"5GB"}],["b.g.k",{"en":"1 TB"}]]]]');
    expect([...good]).toEqual([
      [
        'size',
        [
          { source: 'a.g.k', text: { en: '5 GB', ko: '5GB' } },
          { source: 'b.g.k', text: { en: '1 TB' } },
        ],
      ],
    ]);
    for (const bad of ['[["size",[["a.g.k",{"en":5}]]]]', '[["size",[[1,{}]]]]', '{"size":[]}', '[["size"', ''])
      expect(() => blankIndex(bad)).toThrow(NotesCacheError);
  });

  it('is bypassed when disabled, and a cache that cannot be written is no error', async () => {
    const off = await loadDeckCached([{ dir: notes, shipped: false }], { env, version: 'test', disabled: true });
    expect(off.fromCache).toBe(false);
    // The cache folder is a file: writing fails quietly, loading still works.
    writeFileSync(join(dir, 'blocked'), 'not a folder');
    const blocked = await loadDeckCached([{ dir: notes, shipped: false }], { env: { XDG_CACHE_HOME: join(dir, 'blocked') }, version: 'test' });
    expect(blocked.deck.facts.length).toBeGreaterThan(10);
  });

  it('is keyed by the program version', async () => {
    await load();
    expect((await loadDeckCached([{ dir: notes, shipped: false }], { env, version: 'other' })).fromCache).toBe(false);
  });
});

describe('a rebuild after some notes changed', () => {
  let notes = '';
  let user = '';
  let env: Record<string, string> = {};
  useTempDir((d) => {
    notes = join(d, 'notes');
    user = join(d, 'user');
    execFileSync('mkdir', ['-p', notes, user]);
    writeFileSync(join(notes, '41-one.md'), note('one'));
    writeFileSync(join(notes, '42-two.md'), note('two'));
    env = { XDG_CACHE_HOME: join(d, 'cache') };
  });
  const sources = () => [
    { dir: notes, shipped: true },
    { dir: user, shipped: false },
  ];
  // Nothing counted as recent: the stamps alone decide which notes are taken from the old cache.
  const load = (racyMs = -1e12) => loadDeckCached(sources(), { env, version: 'test', racyMs });
  const fresh = () => loadDeckCached(sources(), { env, version: 'test', disabled: true });
  const same = async (r: Awaited<ReturnType<typeof load>>) => {
    const f = await fresh();
    expect(JSON.stringify(r.deck.facts)).toBe(JSON.stringify(f.deck.facts));
    expect(JSON.stringify([...r.deck.groups.values()])).toBe(JSON.stringify([...f.deck.groups.values()]));
    expect(r.diagnostics).toEqual(f.diagnostics);
  };

  it('parses only the edited note, and builds the deck a full parse would', async () => {
    expect((await load()).parsedFiles).toBe(2);
    writeFileSync(join(notes, '42-two.md'), note('two').replace('serverless SQL over files in S3', 'serverless SQL over objects in S3'));
    const r = await load();
    expect(r.fromCache).toBe(false);
    expect(r.parsedFiles).toBe(1);
    const athena = r.deck.factsById.get('two.svc.amazon-athena');
    expect(athena?.kind === 'term' && athena.description.en).toBe('serverless SQL over objects in S3');
    await same(r);
    expect((await load()).fromCache).toBe(true);
  });

  it('parses again a note whose stamp was too recent to trust when the old cache was written', async () => {
    // The default window: both notes were written a moment ago.
    await load(3000);
    writeFileSync(join(notes, '42-two.md'), note('two', '\nMore prose.\n'));
    const r = await load(3000);
    expect(r.parsedFiles).toBe(2);
    await same(r);
  });

  it('parses again the notes that make up a topic together, and a note added beside them', async () => {
    // A user's note with a shipped topic's id extends it: the built note is neither file's own.
    writeFileSync(
      join(user, '41-mine.md'),
      note('one').replace('- **Amazon Athena**', '- **Amazon Redshift** :: data warehouse // 데이터 웨어하우스\n- **Amazon Athena**'),
    );
    expect((await load()).parsedFiles).toBe(3);
    writeFileSync(join(notes, '43-three.md'), note('three'));
    const r = await load();
    // one.md and mine.md make the topic "one" together; two.md is taken as it was.
    expect(r.parsedFiles).toBe(3);
    expect(r.deck.factsById.has('one.svc.amazon-redshift')).toBe(true);
    await same(r);
  });
});

describe('note files that are not ordinary files', () => {
  let notes = '';
  useTempDir((d) => {
    notes = d;
  });

  it('skips a FIFO and a link to /dev/zero with a diagnostic, without reading them', async () => {
    execFileSync('mkfifo', [join(notes, '41-fifo.md')]);
    symlinkSync('/dev/zero', join(notes, '42-zero.md'));
    writeFileSync(join(notes, '43-ok.md'), SAMPLE.replace('id: demo', 'id: ok'));
    const r = await loadDeckCached([{ dir: notes, shipped: false }], { env: { XDG_CACHE_HOME: join(notes, 'cache') }, version: 'test', disabled: true });
    expect(r.deck.topics.map((t) => t.id)).toEqual(['ok']);
    const skipped = r.diagnostics.filter((d) => /not a regular file/.test(d.message)).map((d) => d.file.split('/').pop());
    expect(skipped.sort()).toEqual(['41-fifo.md', '42-zero.md']);
  });

  it('refuses a note over the size limit before reading it', async () => {
    writeFileSync(join(notes, '41-big.md'), Buffer.alloc(3 * 1024 * 1024, 'a'));
    const r = await loadDeckCached([{ dir: notes, shipped: false }], { env: {}, version: 'test', disabled: true });
    expect(r.diagnostics.map((d) => d.message)).toEqual(expect.arrayContaining([expect.stringMatching(/larger than 2048 KiB/)]));
  });
});
