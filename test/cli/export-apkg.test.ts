/**
 * `saa export apkg`: the package is a zip of collection.anki2 and media, and the collection is
 * an Anki schema-11 database (checked against rslib/src/storage/schema11.sql), with the text
 * export's guids, fixed ids across exports, and with --with-history scheduled cards and a review log.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/cli.js';
import { firstOptions, saa } from '../helpers/context.js';
import { SAMPLE } from '../helpers/notes.js';

/** Anki's schema 11 as its schema11.sql declares it: every table's columns (name, type, NOT NULL, primary key), in order. */
const I = (name: string): [string, string, number, number] => [name, 'integer', 1, 0];
const T = (name: string): [string, string, number, number] => [name, 'text', 1, 0];
const PK: [string, string, number, number] = ['id', 'integer', 0, 1];
const SCHEMA_11: Record<string, [string, string, number, number][]> = {
  col: [PK, I('crt'), I('mod'), I('scm'), I('ver'), I('dty'), I('usn'), I('ls'), T('conf'), T('models'), T('decks'), T('dconf'), T('tags')],
  notes: [PK, T('guid'), I('mid'), I('mod'), I('usn'), T('tags'), T('flds'), I('sfld'), I('csum'), I('flags'), T('data')],
  cards: [
    PK,
    ...['nid', 'did', 'ord', 'mod', 'usn', 'type', 'queue', 'due', 'ivl', 'factor', 'reps', 'lapses', 'left', 'odue', 'odid', 'flags'].map(I),
    T('data'),
  ],
  revlog: [PK, ...['cid', 'usn', 'ease', 'ivl', 'lastIvl', 'factor', 'time', 'type'].map(I)],
  graves: [I('usn'), I('oid'), I('type')],
};
const INDEXES_11: Record<string, string[]> = {
  ix_notes_usn: ['usn'],
  ix_cards_usn: ['usn'],
  ix_revlog_usn: ['usn'],
  ix_cards_nid: ['nid'],
  ix_cards_sched: ['did', 'queue', 'due'],
  ix_revlog_cid: ['cid'],
  ix_notes_csum: ['csum'],
};

interface Opened {
  db: Database.Database;
  entries: string[];
  media: string;
  models: Record<string, { id: number; name: string; type: number; flds: { name: string }[] }>;
  decks: Record<string, { id: number; name: string }>;
  notes: { id: number; guid: string; mid: number; mod: number; flds: string; sfld: string | number; csum: number; tags: string }[];
  cards: { id: number; nid: number; did: number; ord: number; type: number; queue: number; due: number; ivl: number; reps: number; data: string }[];
}

function open(file: string): Opened {
  const zip = unzipSync(readFileSync(file));
  const db = new Database(Buffer.from(zip['collection.anki2'] as Uint8Array));
  const col = db.prepare('SELECT * FROM col').get() as Record<string, string>;
  return {
    db,
    entries: Object.keys(zip).sort(),
    media: strFromU8(zip.media as Uint8Array),
    models: JSON.parse(col.models as string),
    decks: JSON.parse(col.decks as string),
    notes: db.prepare('SELECT * FROM notes ORDER BY id').all() as Opened['notes'],
    cards: db.prepare('SELECT * FROM cards ORDER BY id').all() as Opened['cards'],
  };
}

const modelNamed = (o: Opened, name: string) => Object.values(o.models).find((m) => m.name === name);

describe('saa export apkg', () => {
  let dir = '';
  useTempDir((d) => (dir = d));

  it('writes a zip of collection.anki2 and an empty media map, in Anki schema 11', async () => {
    const out = join(dir, 's3.apkg');
    const r = await saa(['export', 'apkg', '--topic', 's3', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/^Wrote .*s3\.apkg: \d+ notes in 1 deck\. In Anki: File → Import\. $/);
    const o = open(out);
    expect(o.entries).toEqual(['collection.anki2', 'media']);
    expect(o.media).toBe('{}');
    for (const [table, columns] of Object.entries(SCHEMA_11)) {
      const info = o.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; notnull: number; pk: number }[];
      expect(
        info.map((c) => [c.name, c.type.toLowerCase(), c.notnull, c.pk]),
        table,
      ).toEqual(columns);
    }
    const tables = o.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(Object.keys(SCHEMA_11).sort());
    for (const [name, columns] of Object.entries(INDEXES_11)) {
      expect(
        (o.db.prepare(`PRAGMA index_info(${name})`).all() as { name: string }[]).map((c) => c.name),
        name,
      ).toEqual(columns);
    }
    const cols = o.db.prepare('SELECT * FROM col').all() as Record<string, string | number>[];
    expect(cols).toHaveLength(1);
    const col = cols[0] as Record<string, string | number>;
    expect(col.ver).toBe(11);
    const conf = JSON.parse(col.conf as string);
    expect(conf).toMatchObject({ schedVer: 2, rollover: 4 });
    // Every key Anki's schema-11 readers require (no serde default) in notetype/, decks/ and deckconfig/schema11.rs.
    const has = (o: object, keys: string[]) => expect(Object.keys(o)).toEqual(expect.arrayContaining(keys));
    for (const m of Object.values(JSON.parse(col.models as string)) as { tmpls: object[]; flds: object[] }[]) {
      has(m, ['id', 'name', 'type', 'mod', 'usn', 'sortf', 'did', 'tmpls', 'flds', 'css']);
      for (const t of m.tmpls) has(t, ['name', 'ord', 'qfmt']);
      for (const f of m.flds) has(f, ['name', 'ord', 'sticky', 'rtl', 'font', 'size']);
    }
    for (const d of Object.values(JSON.parse(col.decks as string)) as object[]) {
      has(d, ['id', 'name', 'usn', 'lrnToday', 'revToday', 'newToday', 'timeToday', 'collapsed', 'dyn', 'conf']);
    }
    const dconf = JSON.parse(col.dconf as string)['1'];
    expect(dconf).toMatchObject({ id: 1, name: 'Default' });
    has(dconf, ['id', 'mod', 'name', 'usn', 'maxTaken', 'autoplay', 'timer', 'new', 'rev', 'lapse']);
    has(dconf.new, ['delays', 'initialFactor', 'ints', 'order', 'perDay']);
    has(dconf.rev, ['ease4', 'ivlFct', 'maxIvl', 'perDay']);
    has(dconf.lapse, ['delays', 'leechAction', 'leechFails', 'minInt', 'mult']);
    expect(Object.keys(JSON.parse(col.tags as string))).toContain('saa::topic::s3');
    expect(o.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('holds the s3 facts under their text-export guids, as saa Basic and saa Cloze notes with one card each', async () => {
    const out = join(dir, 's3.apkg');
    await saa(['export', 'apkg', '--topic', 's3', '--out', out]);
    const facts = JSON.parse((await saa(['export', 'json', '--topic', 's3'])).stdout).facts as { id: string; kind: string }[];
    const o = open(out);
    const basic = modelNamed(o, 'saa Basic');
    const cloze = modelNamed(o, 'saa Cloze');
    expect(basic).toMatchObject({ type: 0, flds: [{ name: 'Front' }, { name: 'Back' }] });
    expect(cloze).toMatchObject({ type: 1, flds: [{ name: 'Text' }, { name: 'Back Extra' }] });
    expect(o.notes.map((n) => n.guid).sort()).toEqual(facts.map((f) => `saa:en:${f.id}`).sort());
    const kind = new Map(facts.map((f) => [`saa:en:${f.id}`, f.kind]));
    for (const n of o.notes) {
      const fields = n.flds.split('\x1f');
      expect(fields).toHaveLength(2);
      expect(n.mid).toBe(kind.get(n.guid) === 'cloze' ? cloze?.id : basic?.id);
      if (kind.get(n.guid) === 'cloze') expect(fields[0]).toMatch(/\{\{c1::/);
      const stripped = (fields[0] ?? '').replace(/<br>/g, '').replace(/&(amp|lt|gt);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>' })[e] as string);
      expect(String(n.sfld)).toBe(stripped);
      expect(n.csum).toBe(Number.parseInt(createHash('sha1').update(stripped).digest('hex').slice(0, 8), 16));
      expect(n.tags.startsWith(' saa ') && n.tags.endsWith(' ')).toBe(true);
    }
    const noteIds = new Set(o.notes.map((n) => n.id));
    const deckIds = new Set(Object.values(o.decks).map((d) => d.id));
    expect(o.cards).toHaveLength(o.notes.length);
    for (const c of o.cards) {
      expect(noteIds.has(c.nid)).toBe(true);
      expect(deckIds.has(c.did)).toBe(true);
      expect(c).toMatchObject({ ord: 0, type: 0, queue: 0, reps: 0 });
    }
    expect(Object.values(o.decks).map((d) => d.name)).toEqual(expect.arrayContaining(['SAA-C03', 'SAA-C03::English', 'SAA-C03::English::08 Amazon S3']));
  });

  it('keeps every guid, note id, note type id and deck id when a fact is reworded, and carries the new text', async () => {
    const notes = join(dir, 'notes');
    mkdirSync(notes);
    const file = join(notes, '01-demo.md');
    writeFileSync(file, SAMPLE);
    const env = { SAA_NOTES: notes };
    const [a, b] = [join(dir, 'a.apkg'), join(dir, 'b.apkg')];
    expect((await saa(['export', 'apkg', '--topic', 'demo', '--out', a], { env })).code).toBe(0);
    writeFileSync(file, SAMPLE.replace('serverless SQL over files in S3', 'interactive SQL queries straight over data in S3'));
    expect((await saa(['export', 'apkg', '--topic', 'demo', '--out', b], { env, start: Date.UTC(2026, 11, 2, 9) })).code).toBe(0);
    const [before, after] = [open(a), open(b)];
    const ids = (o: Opened) => o.notes.map((n) => [n.guid, n.id, n.mid]);
    expect(ids(after)).toEqual(ids(before));
    expect(after.cards.map((c) => [c.id, c.nid, c.did])).toEqual(before.cards.map((c) => [c.id, c.nid, c.did]));
    expect(Object.keys(after.models)).toEqual(Object.keys(before.models));
    expect(after.decks).toEqual(expect.objectContaining(Object.fromEntries(Object.keys(before.decks).map((k) => [k, expect.anything()]))));
    const athena = (o: Opened) => o.notes.find((n) => n.guid === 'saa:en:demo.svc.amazon-athena');
    expect(athena(before)?.flds).toContain('serverless SQL over files in S3');
    expect(athena(after)?.flds).toContain('interactive SQL queries straight over data in S3');
    // Anki updates a note it has when the incoming one is newer.
    expect(athena(after)?.mod).toBeGreaterThan(athena(before)?.mod ?? 0);
  });

  it('with --with-history, makes the answered facts review or learning cards and logs each answer', async () => {
    const notes = join(dir, 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, '01-demo.md'), SAMPLE);
    const env = { SAA_NOTES: notes, SAA_DB: join(dir, 'saa.db') };
    const quiz = await saa(['quiz', '--topic', 'demo', '--count', '6', '--seed', 'apkg', '--style', 'fact'], { env, answers: Array(6).fill(firstOptions) });
    expect(quiz.code).toBe(0);
    const out = join(dir, 'h.apkg');
    const r = await saa(['export', 'apkg', '--topic', 'demo', '--with-history', '--out', out], { env, start: Date.UTC(2026, 11, 3, 9) });
    expect(r.code).toBe(0);
    const o = open(out);
    const history = new Database(join(dir, 'saa.db'), { readonly: true });
    const answers = history.prepare('SELECT fact_id AS factId, answered_at AS at FROM answers').all() as { factId: string; at: number }[];
    history.close();
    const answered = new Set(answers.map((a) => `saa:en:${a.factId}`));
    expect(answered.size).toBeGreaterThan(2);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(`${answered.size} with their review schedule and ${answers.length} past reviews`);
    const crt = (o.db.prepare('SELECT crt FROM col').get() as { crt: number }).crt;
    expect(crt * 1000).toBeLessThanOrEqual(Math.min(...answers.map((a) => a.at)));
    const noteOf = new Map(o.notes.map((n) => [n.id, n]));
    for (const c of o.cards) {
      const guid = noteOf.get(c.nid)?.guid ?? '';
      if (!answered.has(guid)) {
        expect(c).toMatchObject({ type: 0, queue: 0, reps: 0 });
        continue;
      }
      expect([1, 2, 3]).toContain(c.type);
      expect(c.reps).toBeGreaterThan(0);
      const data = JSON.parse(c.data);
      expect(data.s).toBeGreaterThan(0);
      expect(data.d).toBeGreaterThanOrEqual(1);
      if (c.queue === 2) {
        // Review cards are due on a day counted from crt: after the answer, within their interval.
        expect(c.ivl).toBeGreaterThanOrEqual(1);
        expect(c.due).toBeGreaterThanOrEqual(1);
        expect(c.due).toBeLessThanOrEqual(c.ivl + 1);
      } else if (c.queue === 1) expect(c.due * 1000).toBeGreaterThan(Math.min(...answers.map((a) => a.at)));
    }
    const revlog = o.db.prepare('SELECT * FROM revlog').all() as { cid: number; ease: number; ivl: number }[];
    expect(revlog).toHaveLength(answers.length);
    const cardIds = new Set(o.cards.map((c) => c.id));
    for (const row of revlog) {
      expect(cardIds.has(row.cid)).toBe(true);
      expect([1, 2, 3]).toContain(row.ease);
    }
  });

  it('without a history database, says so and exports every card as new', async () => {
    const out = join(dir, 'n.apkg');
    const r = await saa(['export', 'apkg', '--topic', 's3', '--with-history', '--out', out], { env: { SAA_DB: join(dir, 'none.db') } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('No history database at');
    expect(existsSync(join(dir, 'none.db'))).toBe(false);
    expect(open(out).cards.every((c) => c.type === 0)).toBe(true);
  });

  it('refuses a bad --out with one line and exit 2, leaving nothing behind', async () => {
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    const cases: [string, RegExp, string?][] = [
      [join(dir, 'missing', 'x.apkg'), /^saa: cannot write .*x\.apkg: the folder .*missing does not exist\n$/],
      [join(file, 'x.apkg'), /^saa: cannot write .*x\.apkg: .*plain\.txt is not a folder\n$/],
      [dir, /^saa: cannot write .*: it is a folder\n$/],
      [join(dir, 'missing', 'x.apkg'), /^saa: .*x\.apkg에 쓸 수 없습니다: 폴더 .*missing이\(가\) 없습니다\n$/, 'ko'],
    ];
    for (const [out, message, lang] of cases) {
      const r = await saa(['export', 'apkg', '--topic', 's3', '--out', out, ...(lang ? ['--lang', lang] : [])]);
      expect(r.code, out).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    expect((await saa(['export', 'apkg', '--topic', 's3'])).code).toBe(2);
    expect(readdirSync(dir)).toEqual(['plain.txt']);
  });

  // Root may write anywhere, so a read-only folder only stops other users.
  it.skipIf(process.getuid?.() === 0)('refuses a folder it may not write to', async () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const r = await saa(['export', 'apkg', '--topic', 's3', '--out', join(locked, 'x.apkg')]);
    chmodSync(locked, 0o755);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^saa: cannot write .*x\.apkg: permission denied\n$/);
    expect(readdirSync(locked)).toEqual([]);
  });

  it('has Korean help, and shell completion offers file names for --out', async () => {
    const ko = await saa(['export', 'apkg', '--help', '--lang', 'ko']);
    expect(ko.stdout).toContain('쓸 .apkg 파일');
    expect(ko.stdout).toContain('Anki에서: File(파일) → Import(가져오기)로 .apkg 파일을 고른다.');
    for (const english of ['the .apkg file to write', 'review schedule', 'In Anki:']) expect(ko.stdout).not.toContain(english);
    expect((await saa(['export', '--help', '--lang', 'ko'])).stdout).toMatch(/apkg \[options\] +Anki가 바로 가져오는 Anki 패키지/);
    expect((await saa(['completion', 'bash'])).stdout).toContain('"export apkg|--out"|"export apkg|-o") echo "files"');
  });

  it('replaces an existing file through a temporary one that does not stay', async () => {
    const out = join(dir, 'deck.apkg');
    writeFileSync(out, 'old');
    expect((await saa(['export', 'apkg', '--topic', 's3', '--out', out])).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['deck.apkg']);
    expect(open(out).notes.length).toBeGreaterThan(100);
  });
});
