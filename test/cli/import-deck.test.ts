/** `saa import csv` and `saa import anki` in-process: the note they write passes `notes check`, and bad files get one line. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/parse/note.js';
import { ankiCollection, ankiPackage, type TestNote } from '../helpers/anki-package.js';
import { useTempDir } from '../helpers/cli.js';
import { saa } from '../helpers/context.js';

let dir = '';
let notes = '';
useTempDir((d) => {
  dir = d;
  notes = join(d, 'notes');
});

const CSV = [
  'front,back,tags',
  '"Amazon S3","object storage, addressed by bucket and key",storage',
  'Amazon EBS,block storage for one EC2 instance,storage',
  '"Amazon EFS","shared NFS file storage ""for many"" instances",storage',
  'Max size of one S3 object,5 TB,storage',
  '"Multipart upload is recommended from {{c1::100 MB}}.",,storage',
  'Amazon EBS,block storage for one EC2 instance,storage',
  ',no front,storage',
].join('\r\n');

function write(name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

const noteFile = () => join(notes, readdirSync(notes).find((f) => f.endsWith('.md')) ?? '');
const factIds = (file: string) => parseNote(file, readFileSync(file, 'utf8')).note?.facts.map((f) => f.id) ?? [];

async function checkPasses() {
  const r = await saa(['notes', 'check', '--notes', notes]);
  expect(r.stdout).toMatch(/: 0 error\(s\)/);
  expect(r.code, r.stdout).toBe(0);
}

async function questionsOf(topic: string): Promise<{ topicId: string; options: unknown[] }[]> {
  const r = await saa(['questions', '--topic', topic, '--notes', notes, '--json', '--count', '20', '--no-cache']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

/** A failure the learner can read: one line on stderr, no stack, the given exit code. */
function oneLine(r: { code: number; stderr: string; stdout: string }, code: number, message: RegExp) {
  expect(r.code).toBe(code);
  expect(r.stderr).toMatch(/^saa: [^\n]+\n$/);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('saa import csv', () => {
  it('writes a note that notes check passes, says what it wrote and skipped, and gives the next command', async () => {
    const r = await saa(['import', 'csv', write('aws-basics.csv', `\uFEFF${CSV}`), '--dir', notes]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Wrote ${join(notes, '21-aws-basics.md')}`);
    expect(r.stdout).toMatch(/5 facts: 4 terms, 1 cloze/);
    expect(r.stdout).toMatch(/Skipped 2 rows:\n {4}1 duplicate \(line 7\)\n {4}1 empty front \(line 8\)/);
    expect(r.stdout).toContain(`Study it: saa quiz --topic aws-basics --notes ${notes}`);
    await checkPasses();
    const qs = await questionsOf('aws-basics');
    expect(qs.length).toBeGreaterThan(0);
    expect(qs.every((q) => q.topicId === 'aws-basics' && q.options.length >= 3)).toBe(true);
  });

  it('refuses to overwrite without --force, and a re-import with --force keeps every fact id', async () => {
    const file = write('aws.csv', CSV);
    expect((await saa(['import', 'csv', file, '--dir', notes])).code).toBe(0);
    const before = factIds(noteFile());
    const again = await saa(['import', 'csv', file, '--dir', notes]);
    oneLine(again, 2, /21-aws\.md already exists; add --force to replace it/);
    oneLine(await saa(['import', 'csv', file, '--dir', notes, '--lang', 'ko']), 2, /21-aws\.md 파일이 이미 있습니다. 바꾸려면 --force를 주세요/);
    expect((await saa(['import', 'csv', file, '--dir', notes, '--force'])).code).toBe(0);
    expect(readdirSync(notes)).toEqual(['21-aws.md']);
    expect(factIds(noteFile())).toEqual(before);
    expect(before).toContain('aws.cards.amazon-s3');
  });

  it('takes the folder from SAA_NOTES and the id and title from options; Korean messages with --lang ko', async () => {
    const r = await saa(['import', 'csv', write('x.csv', CSV), '--topic', 'my-bank', '--title', 'My bank', '--lang', 'ko'], { env: { SAA_NOTES: notes } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/21-my-bank\.md 파일을 만들었습니다\n {2}사실 5개: 용어 4개, 빈칸 1개/);
    expect(readFileSync(noteFile(), 'utf8')).toMatch(/^---\nid: my-bank\ntitle: "My bank"\n/);
  });

  it('round trip: saa export anki --topic s3, imported as a user topic, passes notes check and asks questions', async () => {
    const exported = await saa(['export', 'anki', '--topic', 's3']);
    expect(exported.code).toBe(0);
    const r = await saa(['import', 'csv', write('s3.txt', exported.stdout), '--topic', 'my-s3', '--dir', notes]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/true\/false statements/);
    expect(r.stdout).toMatch(/terms/);
    expect(r.stdout).toMatch(/cloze/);
    expect(readFileSync(noteFile(), 'utf8')).toMatch(/^title: "SAA-C03 › English › 08 Amazon S3"$/m);
    await checkPasses();
    expect((await questionsOf('my-s3')).length).toBe(20);
  });

  it('an Anki text export with #html:true and cloze lines', async () => {
    const text = [
      '#separator:tab',
      '#html:true',
      '#notetype column:1',
      '#tags column:4',
      'Basic\t<b>Amazon SQS</b>\tmanaged message <i>queue</i>\tqueues',
      'Basic\tAmazon SNS\tpub/sub topics&nbsp;that push<br>to subscribers\tqueues',
      'Basic\tAmazon EventBridge\tserverless event bus\tqueues',
      'Cloze\tSQS keeps a message for up to {{c1::14 days}}.\t\tqueues',
      'Cloze\tThe default visibility timeout is {{c1::30 seconds::time}}.\t\tqueues',
    ].join('\n');
    const r = await saa(['import', 'csv', write('queues.txt', text), '--dir', notes]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/5 facts: 3 terms, 2 cloze/);
    const note = readFileSync(noteFile(), 'utf8');
    expect(note).toContain('- **Amazon SNS** :: pub/sub topics that push to subscribers {#amazon-sns} #queues');
    expect(note).toContain('- The default visibility timeout is {{30 seconds}}. {#the-default-visibility-timeout-is-30-seconds} #queues');
    await checkPasses();
  });

  it('bad files: one line each and a non-zero exit, nothing written', async () => {
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['empty.csv', '', /empty\.csv: the file is empty; nothing was imported/],
      ['blank.csv', '\n\n  \n', /no rows to import/],
      ['one.csv', 'alpha\nbeta\ngamma\n', /only one column found/],
      ['latin1.csv', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x78, 0x0a]), /not valid UTF-8 text; save it as UTF-8/],
      ['utf16.csv', Buffer.from('\ufeffa,b', 'utf16le'), /UTF-16/],
      ['deck.apkg', ankiPackage([]), /this is a zip file, not text; .*saa import anki/],
      ['quote.csv', 'a,b\n"open,c\n', /line 2: a quoted field is never closed/],
      ['huge-field.csv', `a,${'x'.repeat(1_100_000)}\n`, /a row is longer than 1,000,000 characters/],
    ];
    for (const [name, content, message] of cases) oneLine(await saa(['import', 'csv', write(name, content), '--dir', notes]), 2, message);
    oneLine(
      await saa(['import', 'csv', write('50mb.csv', Buffer.alloc(50 * 1024 * 1024, 0x61)), '--dir', notes]),
      2,
      /file is larger than 32768 KiB; split it/,
    );
    oneLine(await saa(['import', 'csv', join(dir, 'missing.csv'), '--dir', notes]), 2, /cannot read: ENOENT/);
    oneLine(await saa(['import', 'csv', dir, '--dir', notes]), 2, /not a regular file/);
    oneLine(await saa(['import', 'csv', write('a.csv', CSV), '--topic', 's3', '--dir', notes]), 2, /"s3" is a shipped topic/);
    oneLine(await saa(['import', 'csv', write('b.csv', CSV), '--topic', 'Bad Id', '--dir', notes]), 2, /--topic must be lowercase/);
    oneLine(await saa(['import', 'csv', write('c.csv', 'q,\nr,\n'), '--dir', notes]), 2, /no card could be made into a question \(2 empty back\)/);
    oneLine(
      await saa(['import', 'csv', write('d.csv', CSV), '--dir', join(dir, 'd.csv')]),
      2,
      /cannot write a note in .*d\.csv: it \(or a folder above it\) is a file/,
    );
    expect(readdirSync(dir)).not.toContain('notes');
  });

  it('caps absurd sizes: a long field is cut, rows past the limit are counted, neither hangs', async () => {
    const rows = ['front,back', `Long one,${'y'.repeat(300_000)}`];
    for (let i = 0; i < 100_000; i++) rows.push(`Question number ${i},Answer number ${i}`);
    const start = Date.now();
    const r = await saa(['import', 'csv', write('big.csv', rows.join('\n')), '--dir', notes]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/5000 facts: 5000 terms/);
    expect(r.stdout).toMatch(/95001 past the size one note can hold \(lines 5002, 5003, 5004, 5005, 5006 and 94996 more\)/);
    expect(r.stdout).toMatch(/1 card had a field longer than 2,000 characters; it was cut/);
    expect(readFileSync(noteFile()).length).toBeLessThan(2 * 1024 * 1024);
    expect(Date.now() - start).toBeLessThan(60_000);
    await checkPasses();
  }, 120_000);
});

const NOTES: TestNote[] = [
  {
    guid: 'Gs3#1',
    type: 'basic',
    fields: ['<b>Amazon S3</b>', 'object storage<br>with <i>buckets</i> <img src="s3.png">'],
    tags: 'storage AWS::S3',
    deck: 'AWS::Storage',
  },
  { guid: 'Gebs/2', type: 'basic', fields: ['Amazon EBS', 'block volumes &amp; snapshots'], tags: 'storage', deck: 'AWS::Storage' },
  { guid: 'Gefs+3', type: 'basic', fields: ['Amazon EFS', 'shared NFS file system [sound:efs.mp3]'], deck: 'AWS::Storage' },
  { guid: 'Gimg', type: 'basic', fields: ['<img src="diagram.png">', '[sound:x.mp3]'], deck: 'AWS::Storage' },
  { guid: 'Gcl1', type: 'cloze', fields: ['A single PUT uploads at most {{c1::5 GB}}.', 'extra'], tags: 'limits', deck: 'AWS::Limits' },
  { guid: 'Gcl2', type: 'cloze', fields: ['SQS keeps messages up to {{c1::14 days}}; the default is {{c2::4 days::default}}.', ''], deck: 'AWS::Limits' },
  { guid: 'Gq1', type: 'basic', fields: ['SQS', 'queue'], deck: 'Other' },
];

describe('saa import anki', () => {
  it('a package with Basic and Cloze notes, HTML and media: a note that passes notes check and asks questions', async () => {
    const r = await saa(['import', 'anki', write('aws.apkg', ankiPackage(NOTES)), '--dir', notes]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Wrote .*21-aws\.md\n {2}6 facts: 4 terms, 2 cloze\n {2}Skipped 1 note:\n {4}1 only an image or sound \(note 4\)/);
    const note = readFileSync(noteFile(), 'utf8');
    expect(note).toContain('- **Amazon S3** :: object storage with buckets {#a');
    expect(note).toContain('- SQS keeps messages up to {{14 days}}; the default is {{4 days}}. {#a');
    expect(note).not.toMatch(/<|sound:|&amp;/);
    await checkPasses();
    const qs = await questionsOf('aws');
    expect(qs.length).toBeGreaterThan(0);
    // A re-import of the same package keeps every id.
    const ids = factIds(noteFile());
    expect((await saa(['import', 'anki', join(dir, 'aws.apkg'), '--dir', notes, '--force'])).code).toBe(0);
    expect(factIds(noteFile())).toEqual(ids);
  });

  it('--deck takes one deck and the decks under it; an unknown deck lists the ones there are', async () => {
    const file = write('all.colpkg', ankiPackage(NOTES));
    const r = await saa(['import', 'anki', file, '--deck', 'aws::storage', '--dir', notes]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/3 facts: 3 terms/);
    expect(readFileSync(noteFile(), 'utf8')).toMatch(/^title: "AWS › Storage"$/m);
    oneLine(
      await saa(['import', 'anki', file, '--deck', 'Nope', '--dir', notes, '--topic', 'x']),
      2,
      /no notes in a deck named "Nope"; its decks are "AWS::Limits", "AWS::Storage", "Other"/,
    );
  });

  it('bad packages: one line each and a non-zero exit', async () => {
    const collection = ankiCollection(NOTES);
    const broken = Buffer.from(collection);
    broken.fill(0x5a, 100, broken.length);
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['text.apkg', 'front,back\n', /not an Anki package \(\.apkg\/\.colpkg is a zip file\)/],
      ['other.zip', ankiPackage([], { 'readme.txt': strToU8('hi') }), /not an Anki package: it has no collection\.anki2 inside/],
      [
        'new.apkg',
        ankiPackage([], { 'collection.anki2': collection, 'collection.anki21b': strToU8('zstd'), meta: strToU8('\b\u0003') }),
        /Support older Anki versions/,
      ],
      ['notdb.apkg', ankiPackage([], { 'collection.anki2': strToU8('not a database at all') }), /not an SQLite database: the package is damaged/],
      ['corrupt.apkg', ankiPackage([], { 'collection.anki2': broken }), /its collection is damaged or not an Anki collection/],
      ['cut.apkg', ankiPackage(NOTES).subarray(0, 200), /the zip file is damaged/],
      ['empty.apkg', ankiPackage([]), /the package holds no notes/],
    ];
    for (const [name, content, message] of cases) oneLine(await saa(['import', 'anki', write(name, content), '--dir', notes]), 2, message);
  });

  it('refuses a topic id another note of the folder already has', async () => {
    mkdirSync(notes);
    writeFileSync(join(notes, '30-other.md'), '---\nid: aws\ntitle: Other\ndomains: [cost]\n---\n');
    oneLine(await saa(['import', 'anki', write('aws.apkg', ankiPackage(NOTES)), '--dir', notes]), 2, /topic id "aws" is already used by .*30-other\.md/);
  });
});
