/** Reading question banks and Anki text exports, and writing them as a note that parses back to the same text. */
import { describe, expect, it } from 'vitest';
import { packageCards } from '../../src/core/import/anki-notes.js';
import { buildImportedNote } from '../../src/core/import/build-note.js';
import type { ImportCard } from '../../src/core/import/card.js';
import { clozeLine } from '../../src/core/import/card-kinds.js';
import { readDelimited } from '../../src/core/import/delimited.js';
import { WORD_JOINER } from '../../src/core/import/escape.js';
import { htmlField } from '../../src/core/import/html.js';
import { writeNote } from '../../src/core/import/note-writer.js';
import { parseNote } from '../../src/core/parse/note.js';
import type { Fact } from '../../src/core/types.js';

const fronts = (text: string) => readDelimited(text).cards.map((c) => [c.front, c.back]);
const OPTIONS = { topicId: 'mine', title: 'My deck', source: 'deck.csv', command: 'saa import csv' };
const card = (front: string, back: string, more: Partial<ImportCard> = {}): ImportCard => ({ at: 1, front, back, cloze: false, tags: [], ...more });

/** The note written from `cards`, parsed: its facts and its errors. */
function roundTrip(cards: ImportCard[]) {
  const written = writeNote(cards, OPTIONS);
  const parsed = parseNote('/x/21-mine.md', written.text);
  return { written, facts: parsed.note?.facts ?? [], errors: parsed.diagnostics.filter((d) => d.severity === 'error') };
}

const visible = (s: string | undefined) => (s ?? '').replaceAll(WORD_JOINER, '');

describe('CSV and TSV', () => {
  it('reads quoted fields with separators, doubled quotes and newlines inside', () => {
    expect(fronts('"a, b","say ""hi""\nthere"\nc,d\n')).toEqual([
      ['a, b', 'say "hi" there'],
      ['c', 'd'],
    ]);
  });

  it('drops a UTF-8 BOM and reads CRLF, CR and LF line ends alike', () => {
    expect(fronts('\uFEFFq1,a1\r\nq2,a2\rq3,a3\n')).toEqual([
      ['q1', 'a1'],
      ['q2', 'a2'],
      ['q3', 'a3'],
    ]);
  });

  it("takes Excel's sep= first line as the separator", () => {
    const deck = readDelimited('sep=;\nS3;object storage, durable\n');
    expect([deck.separator, deck.cards[0]?.front, deck.cards[0]?.back, deck.cards[0]?.at]).toEqual([';', 'S3', 'object storage, durable', 2]);
  });

  it('finds the separator: tab, semicolon, comma', () => {
    expect(readDelimited('one, two\tuno\nthree\tdos\n').separator).toBe('\t');
    expect(readDelimited('a;b\nc;d\ne;f, g\n').separator).toBe(';');
    expect(readDelimited('a,b\nc,d\n').separator).toBe(',');
  });

  it('recognises a header row and maps its columns by name', () => {
    const deck = readDelimited('Tags,Question,Answer\nstorage s3,What stores objects?,Amazon S3\n');
    expect(deck.headerRow).toBe(true);
    expect(deck.cards[0]).toMatchObject({ front: 'What stores objects?', back: 'Amazon S3', tags: ['storage', 's3'], at: 2 });
  });

  it('keeps a first row that is not a header, and a third column as tags', () => {
    const deck = readDelimited('S3,object storage,storage\n');
    expect(deck.headerRow).toBe(false);
    expect(deck.cards[0]).toMatchObject({ front: 'S3', back: 'object storage', tags: ['storage'] });
  });

  it('says what is wrong with a file it cannot read', () => {
    expect(() => readDelimited('')).toThrow(/no rows/);
    expect(() => readDelimited('just one\ncolumn here\n')).toThrow(/only one column/);
    expect(() => readDelimited('a,b\n"never closed,c\n')).toThrow(/line 2: a quoted field is never closed/);
    expect(() => readDelimited('front,back\n')).toThrow(/only a header row/);
  });

  it('takes one-column cloze lines as cloze cards', () => {
    const [c] = readDelimited('The default visibility timeout is {{c1::30 seconds}}.\n').cards;
    expect(c).toMatchObject({ cloze: true, front: 'The default visibility timeout is {{c1::30 seconds}}.' });
  });
});

describe("Anki's text format", () => {
  const ANKI = [
    '#separator:Semicolon',
    '#html:true',
    '#notetype column:1',
    '#deck column:2',
    '#guid column:3',
    '#tags column:6',
    'Basic;AWS::S3;g1;"What is <b>S3</b>?<br>Explain";"Object&nbsp;storage &amp; more <img src=""x.png"">";s3 storage',
    'Cloze;AWS::SQS;g2;"Messages stay up to {{c1::14 days}} ({{c2::4 days::default}})";;sqs',
    'Basic;AWS::S3;g3;"<img src=""only.png"">";"[sound:a.mp3]";',
  ].join('\n');

  it('honours #separator, #html and the column lines; strips HTML and media', () => {
    const deck = readDelimited(ANKI);
    expect(deck).toMatchObject({ anki: true, separator: ';', html: true });
    expect(deck.cards[0]).toMatchObject({
      at: 7,
      front: 'What is S3? Explain',
      back: 'Object storage & more',
      deck: 'AWS::S3',
      guid: 'g1',
      tags: ['s3', 'storage'],
      cloze: false,
      media: true,
    });
    expect(deck.cards[1]).toMatchObject({ cloze: true, front: 'Messages stay up to {{c1::14 days}} ({{c2::4 days::default}})' });
    expect(deck.cards[2]).toMatchObject({ front: '', back: '', media: true });
  });

  it('turns cloze deletions into blanks, hints dropped', () => {
    expect(clozeLine('Up to {{c1::14 days}} ({{c2::4 days::default}})')?.body).toBe('Up to {{14 days}} ({{4 days}})');
    expect(clozeLine('No deletions here')).toBeNull();
  });

  it('reads the legacy "tags:" first line and a #columns header', () => {
    const deck = readDelimited('tags:aws\n#columns:Front\tBack\tTags\nS3\tobjects\tstorage\n');
    expect(deck.cards[0]).toMatchObject({ front: 'S3', back: 'objects', tags: ['aws', 'storage'], at: 3 });
  });

  it('strips terminal escapes and controls from fields', () => {
    expect(fronts('"\u001b[31mred\u001b[0m\u0007 \u202eevil",\u001b]0;title\u0007back\n')).toEqual([['red evil', 'back']]);
  });

  it('decodes entities and stays linear on hostile HTML', () => {
    expect(htmlField('a&lt;b&gt; &#x41;&#66; <style>p{}</style>c<!-- x -->d<script>e').text).toBe('a<b> AB c d');
    const start = Date.now();
    htmlField('<a'.repeat(100_000) + '<style'.repeat(50_000) + '{{c1::'.repeat(1000));
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it('maps package notes: first field front, second back, cloze text for cloze note types', () => {
    const cards = packageCards([
      { guid: 'x', fields: ['<div>Front</div>', 'Back<br>more', 'ignored'], cloze: false, tags: ' a b ', deck: 'D' },
      { guid: 'y', fields: ['Extra first', 'The {{c1::answer}}'], cloze: true, tags: '', deck: 'D' },
    ]);
    expect(cards.map((c) => [c.front, c.back, c.cloze, c.tags])).toEqual([
      ['Front', 'Back more', false, ['a', 'b']],
      ['The {{c1::answer}}', '', true, []],
    ]);
  });
});

describe('writing the note', () => {
  const terms = [card('Amazon S3', 'object storage'), card('Amazon EBS', 'block storage'), card('Amazon EFS', 'shared file storage')];

  it('escapes text the note syntax would read: languages, ids, bold, tags, blanks, markers', () => {
    const hostile = [
      card('**bold** // not korean {#fake}', 'desc with {{x}} and => arrows #tag'),
      card('need: a term', 'ends like an id {#id}'),
      card('- [T] looks like a bullet', '| a | table |'),
    ];
    const { facts, errors, written } = roundTrip([...terms, ...hostile, card('[T] {{c1::S3}} is {{c2::global}} // no', '', { cloze: true })]);
    expect(errors).toEqual([]);
    expect(facts).toHaveLength(7);
    const t = (f: Fact | undefined) => (f?.kind === 'term' ? [visible(f.term.en), visible(f.description.en), f.description.ko, f.tags] : []);
    expect(t(facts[3])).toEqual(['**bold** // not korean {#fake}', 'desc with {{x}} and => arrows #tag', undefined, []]);
    expect(t(facts[4])).toEqual(['need: a term', 'ends like an id {#id}', undefined, []]);
    expect(t(facts[5])).toEqual(['- [T] looks like a bullet', '| a | table |', undefined, []]);
    const cloze = facts[6];
    expect(cloze?.kind === 'cloze' && [visible(cloze.text.en), cloze.blanks.map((b) => b.en)]).toEqual(['[T] {{S3}} is {{global}} // no', ['S3', 'global']]);
    expect(
      written.text
        .split('\n')
        .filter((l) => l.startsWith('- '))
        .every((l) => l.endsWith('}')),
    ).toBe(true);
  });

  it('gives the same ids on every run: from the guid, else from the front', () => {
    const cards = [...terms, card('Amazon FSx', 'managed file systems', { guid: 'Abc#1' })];
    const ids = roundTrip(cards).facts.map((f) => f.id);
    expect(ids).toEqual(roundTrip(cards).facts.map((f) => f.id));
    expect(ids.slice(0, 3)).toEqual(['mine.cards.amazon-s3', 'mine.cards.amazon-ebs', 'mine.cards.amazon-efs']);
    expect(ids[3]).toMatch(/^mine\.cards\.a[0-9a-z]{14}$/);
  });

  it('groups by deck, moves the terms of small decks together, and leaves out terms it cannot ask', () => {
    const deck = (d: string) => (c: ImportCard) => ({ ...c, deck: `AWS::${d}` });
    const cards = [...terms.map(deck('Storage')), card('Amazon SQS', 'queues', { deck: 'AWS::Queues' }), card('Amazon SNS', 'topics', { deck: 'AWS::Queues' })];
    const { facts, errors, written } = roundTrip(cards);
    expect(errors).toEqual([]);
    // Two queue terms cannot make a group of their own: they join the largest.
    expect(new Set(facts.map((f) => f.groupId))).toEqual(new Set(['storage']));
    expect(written.skipped).toEqual([]);
    const two = roundTrip([card('a', 'b'), card('c', 'd')]);
    expect(two.facts).toEqual([]);
    expect(two.written.skipped.map((s) => s.reason)).toEqual(['too-few', 'too-few']);
  });

  it('skips duplicates, empty sides and media-only cards, and lets shared answers avoid each other', () => {
    const { written, facts } = roundTrip([
      ...terms,
      card('Amazon S3', 'object storage'),
      card('', 'x'),
      card('y', ''),
      card('', '', { media: true }),
      card('Amazon S3 Glacier', 'object storage'),
    ]);
    expect(written.skipped.map((s) => s.reason)).toEqual(['duplicate', 'empty-front', 'empty-back', 'media-only']);
    expect(facts.find((f) => f.key === 'amazon-s3')?.avoid).toEqual(['amazon-s3-glacier']);
  });

  it('keeps the note under 2 MiB when shared answers and tags make its lines long', () => {
    const tags = Array.from({ length: 8 }, (_, k) => `tag-number-${k}-${'t'.repeat(20)}`);
    const cards = Array.from({ length: 3000 }, (_, i) => card(`Question ${i} ${'q'.repeat(240)}`, 'the same answer', { at: i + 1, tags }));
    const built = buildImportedNote(cards, OPTIONS, '/x/21-mine.md', []);
    expect(built.errors).toEqual([]);
    expect(new TextEncoder().encode(built.text).length).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(built.facts.length).toBeGreaterThan(900);
    expect(built.skipped.every((s) => s.reason === 'over-limit')).toBe(true);
  });

  it('writes true/false and yes/no cards as statements', () => {
    const { facts } = roundTrip([
      ...terms,
      card('True or false? S3 is global.', 'False: buckets live in one Region'),
      card('EBS is block storage', 'True'),
      card('Is EFS regional?', 'Yes'),
    ]);
    expect(facts.slice(3).map((f) => f.kind === 'statement' && [f.truth, f.statement.en, f.correction.en])).toEqual([
      [false, 'S3 is global.', 'buckets live in one Region'],
      [true, 'EBS is block storage', undefined],
      [true, 'Is EFS regional?', undefined],
    ]);
  });
});
