/** The pure side of the Anki package: csum, field HTML, fixed ids, notes and cards, and saa's schedule as Anki's. */
import { createHash } from 'node:crypto';
import { State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { ankiGuid } from '../../src/core/anki.js';
import { NOTETYPES, notetypeId, stableId, uniqueIds } from '../../src/core/anki-models.js';
import { ankiCollection, cardOrds, FIELD_SEPARATOR, fieldChecksum, fieldHtml, strippedField } from '../../src/core/anki-package.js';
import { ankiClock, revlogRows, scheduledCard } from '../../src/core/anki-schedule.js';
import { type CardState, review } from '../../src/core/schedule.js';
import { DAY_MS } from '../../src/core/stats.js';
import { deckOf, SAMPLE } from '../helpers/notes.js';

const NOW = Date.UTC(2026, 11, 1, 9, 0, 0);
const HOUR = 3_600_000;

describe('Anki checksums', () => {
  it("give Anki's own csum values (rslib/src/notes/mod.rs test_field_checksum)", () => {
    expect(fieldChecksum('test')).toBe(2840236005);
    expect(fieldChecksum('今日')).toBe(1464653051);
  });
});

describe('fields', () => {
  it('are HTML: markup escaped, line breaks as <br>, NFC, never the field separator', () => {
    expect(fieldHtml('a < b && c > d\nnext')).toBe('a &lt; b &amp;&amp; c &gt; d<br>next');
    expect(fieldHtml(`x${FIELD_SEPARATOR}y`)).toBe('xy');
    expect(fieldHtml('\u1112\u1161\u11ab')).toBe('한');
  });

  it('strip back to the text without its line breaks, as Anki strips the sort field', () => {
    for (const text of ['plain', '1 < 2 & 3 > 2', 'two\nlines', 'literal &amp; stays', 'no\u00a0break & space']) {
      const expected = text.replace(/\n/g, '').replace(/\u00a0/g, text.includes('&') ? ' ' : '\u00a0');
      expect(strippedField(fieldHtml(text))).toBe(expected);
    }
  });
});

describe('ids', () => {
  it('are fixed, look like past millisecond timestamps, and never repeat within a package', () => {
    expect(stableId('saa deck X')).toBe(stableId('saa deck X'));
    const ids = uniqueIds(Array.from({ length: 5000 }, (_, i) => `saa note saa:en:t.g.k${i}`));
    expect(new Set(ids.values()).size).toBe(5000);
    for (const id of ids.values()) {
      expect(id).toBeGreaterThanOrEqual(1_000_000_000_000);
      expect(id).toBeLessThan(Date.UTC(2018, 0, 1));
    }
    // The order names come in does not change their ids.
    const names = ['c', 'a', 'b', 'a'];
    expect([...uniqueIds(names)].sort()).toEqual([...uniqueIds([...names].reverse())].sort());
    expect(notetypeId('Basic')).not.toBe(notetypeId('Cloze'));
  });
});

describe('the collection of a deck', () => {
  const deck = deckOf(['01-demo.md', SAMPLE]);
  const build = (now = NOW) => ankiCollection({ deck, facts: deck.facts, lang: 'en', now, minutesWest: 0 });

  it('has one note per fact with the text export guid, its note type, fields, csum and tags', () => {
    const c = build();
    expect(c.notes).toHaveLength(deck.facts.length);
    for (const [i, f] of deck.facts.entries()) {
      const n = c.notes[i];
      expect(n?.guid).toBe(ankiGuid(f, 'en'));
      expect(n?.mid).toBe(notetypeId(f.kind === 'cloze' ? 'Cloze' : 'Basic'));
      const fields = n?.flds.split(FIELD_SEPARATOR) ?? [];
      expect(fields).toHaveLength(2);
      if (f.kind === 'cloze') expect(fields[0]).toContain('{{c1::');
      expect(n?.sfld).toBe(strippedField(fields[0] ?? ''));
      expect(n?.csum).toBe(
        Number.parseInt(
          createHash('sha1')
            .update(n?.sfld ?? '')
            .digest('hex')
            .slice(0, 8),
          16,
        ),
      );
      expect(n?.tags).toMatch(/^ saa saa::topic::demo .* $/);
      expect(n?.mod).toBe(Math.floor(NOW / 1000));
    }
  });

  it('gives every note one new card, in fact order, in its topic deck', () => {
    const c = build();
    const decks = JSON.parse(c.col.decks) as Record<string, { name: string }>;
    const topicDeck = Object.entries(decks).find(([, d]) => d.name === 'SAA-C03::English::01 demo title')?.[0];
    expect(Object.values(decks).map((d) => d.name)).toEqual(expect.arrayContaining(['Default', 'SAA-C03', 'SAA-C03::English']));
    c.cards.forEach((card, i) => {
      expect(card).toMatchObject({ nid: c.notes[i]?.id, did: Number(topicDeck), ord: 0, type: 0, queue: 0, due: i + 1, ivl: 0, reps: 0 });
    });
    expect(c.revlog).toEqual([]);
  });

  it('keeps note, card, note type and deck ids from one export to the next', () => {
    const [a, b] = [build(NOW), build(NOW + 7 * DAY_MS)];
    expect(b.notes.map((n) => n.id)).toEqual(a.notes.map((n) => n.id));
    expect(b.cards.map((k) => [k.id, k.did])).toEqual(a.cards.map((k) => [k.id, k.did]));
    expect(Object.keys(JSON.parse(b.col.models))).toEqual(Object.keys(JSON.parse(a.col.models)));
    expect(Object.keys(JSON.parse(b.col.decks))).toEqual(Object.keys(JSON.parse(a.col.decks)));
    expect(b.notes[0]?.mod).toBeGreaterThan(a.notes[0]?.mod ?? 0);
  });

  it("makes one card per cloze number used (all of saa's blanks are c1) and one per Basic note", () => {
    expect(cardOrds('Cloze', 'a {{c1::x}} and {{c1::y}}')).toEqual([0]);
    expect(cardOrds('Cloze', '{{c3::x}} {{c1::y}}')).toEqual([0, 2]);
    expect(cardOrds('Basic', '{{c2::not a cloze here}}')).toEqual([0]);
    const c = build();
    expect(c.cards).toHaveLength(c.notes.length);
    expect(JSON.parse(c.col.conf).nextPos).toBe(c.cards.length + 1);
  });

  it('describes saa Basic and saa Cloze as Anki schema-11 note types', () => {
    const models = JSON.parse(build().col.models) as Record<string, { id: number; name: string; type: number; flds: { name: string; ord: number }[] }>;
    const byName = Object.fromEntries(Object.values(models).map((m) => [m.name, m]));
    expect(byName['saa Basic']).toMatchObject({
      id: notetypeId('Basic'),
      type: 0,
      flds: [
        { name: 'Front', ord: 0 },
        { name: 'Back', ord: 1 },
      ],
    });
    expect(byName['saa Cloze']).toMatchObject({
      id: notetypeId('Cloze'),
      type: 1,
      flds: [
        { name: 'Text', ord: 0 },
        { name: 'Back Extra', ord: 1 },
      ],
    });
    expect(NOTETYPES.Cloze.template.qfmt).toContain('{{cloze:Text}}');
  });
});

describe("saa's schedule as Anki's", () => {
  it('counts days from 04:00 local time, as Anki does', () => {
    // Seoul is 9 hours east: 540 minutes west is -540.
    const seoul = ankiClock(Date.UTC(2026, 11, 1, 9, 0), -540);
    expect(new Date(seoul.crt * 1000).toISOString()).toBe('2026-11-30T19:00:00.000Z');
    expect(seoul.day(Date.UTC(2026, 11, 1, 18, 59))).toBe(0);
    expect(seoul.day(Date.UTC(2026, 11, 1, 19, 0))).toBe(1);
    // Before 04:00 the day still belongs to yesterday.
    const utc = ankiClock(Date.UTC(2026, 11, 1, 2, 0), 0);
    expect(new Date(utc.crt * 1000).toISOString()).toBe('2026-11-30T04:00:00.000Z');
  });

  it('makes a reviewed fact a review card due on its saa due day, with its FSRS memory state', () => {
    const card = review(review(null, { factId: 'f', topicId: 't' }, true, 3000, NOW), { factId: 'f', topicId: 't' }, true, 3000, NOW + 3 * DAY_MS);
    expect(card.state).toBe(State.Review);
    const clock = ankiClock(NOW, 0);
    const s = scheduledCard(card, 7, clock);
    expect(s).toMatchObject({ type: 2, queue: 2, due: clock.day(card.due), ivl: card.scheduledDays, factor: 2500, reps: 2, lapses: 0, left: 0 });
    expect(s.due).toBe(3 + card.scheduledDays);
    const data = JSON.parse(s.data);
    expect(data).toMatchObject({ pos: 7, lrt: Math.floor((NOW + 3 * DAY_MS) / 1000) });
    expect(data.s).toBeCloseTo(card.stability, 3);
    expect(data.d).toBeCloseTo(card.difficulty, 2);
    expect(scheduledCard(null, 7, clock)).toMatchObject({ type: 0, queue: 0, due: 7, data: '{}' });
  });

  it('keeps a learning step due today as a timestamp and one due later as a day', () => {
    const clock = ankiClock(NOW, 0);
    const learning: CardState = {
      factId: 'f',
      topicId: 't',
      due: NOW + 10 * 60_000,
      stability: 0.5,
      difficulty: 6,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 1,
      reps: 1,
      lapses: 0,
      state: State.Learning,
      lastReview: NOW,
    };
    expect(scheduledCard(learning, 1, clock)).toMatchObject({ type: 1, queue: 1, due: Math.floor(learning.due / 1000), left: 1 });
    const relearnTomorrow = { ...learning, state: State.Relearning, due: NOW + 24 * HOUR, lapses: 1 };
    expect(scheduledCard(relearnTomorrow, 1, clock)).toMatchObject({ type: 3, queue: 3, due: 1, ivl: 1, lapses: 1 });
  });

  it('logs each answer as Anki would have: button, kind, intervals, difficulty, capped time, unique ids', () => {
    const at = (days: number) => NOW + days * DAY_MS;
    const answers = [
      { factId: 'a', isCorrect: true, elapsedMs: 4000, answeredAt: at(0) },
      { factId: 'a', isCorrect: false, elapsedMs: 90_000, answeredAt: at(5) },
      { factId: 'a', isCorrect: true, elapsedMs: 30_000, answeredAt: at(6) },
      { factId: 'b', isCorrect: true, elapsedMs: 2000, answeredAt: at(0) },
      { factId: 'gone', isCorrect: true, elapsedMs: 2000, answeredAt: at(1) },
    ];
    const rows = revlogRows(
      answers,
      new Map([
        ['a', 11],
        ['b', 22],
      ]),
    );
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.id)).size).toBe(4);
    const a = rows.filter((r) => r.cid === 11);
    expect(a.map((r) => r.ease)).toEqual([3, 1, 2]);
    expect(a.map((r) => r.type)).toEqual([0, 1, 1]);
    expect(a[0]?.lastIvl).toBe(0);
    expect(a[1]?.lastIvl).toBe(a[0]?.ivl);
    expect(a[2]?.lastIvl).toBe(a[1]?.ivl);
    expect(a.map((r) => r.time)).toEqual([4000, 60_000, 30_000]);
    for (const r of rows) {
      expect(r.ivl).toBeGreaterThan(0);
      expect(r.factor).toBeGreaterThanOrEqual(100);
      expect(r.factor).toBeLessThanOrEqual(1100);
    }
  });
});
