/** Anki notes: stable guids per language, unique fronts, Cloze notes that hide every blank, the fact's own domain. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ankiDeck, ankiExport, ankiGuid, ankiNotes, ankiTags } from '../../src/core/anki.js';
import { factDomain, LANGS } from '../../src/core/types.js';
import { loadDeck } from '../../src/io/load-notes.js';
import { ROOT } from '../helpers/cli.js';
import { deckOf, frontMatter } from '../helpers/notes.js';

const note = (sentence: string) => `${frontMatter('ank')}## Limits // 한도 {#limits}

- An object can be up to {{5 TB}} and one PUT uploads at most {{5 GB}}. // 객체는 최대 {{5 TB}}이고 PUT 한 번은 최대 {{5 GB}}까지 올린다. {#sizes}
- **Edge location** :: ${sentence} // 엣지 로케이션 설명

## Other // 기타 {#other}

- **Edge location** :: a second meaning of the same term // 같은 용어의 다른 뜻
`;

describe('Anki notes', () => {
  it('turn a cloze fact into one Cloze note hiding every blank as c1', () => {
    const deck = deckOf(['01-ank.md', note('where CloudFront caches content')]);
    const cloze = ankiNotes(deck, 'en').get('ank.limits.sizes');
    expect(cloze).toEqual({ notetype: 'Cloze', fields: ['An object can be up to {{c1::5 TB}} and one PUT uploads at most {{c1::5 GB}}.', ''] });
    expect(ankiNotes(deck, 'ko').get('ank.limits.sizes')?.fields[0]).toBe('객체는 최대 {{c1::5 TB}}이고 PUT 한 번은 최대 {{c1::5 GB}}까지 올린다.');
  });

  it('keep their guid when the wording changes, and differ between languages', () => {
    const before = deckOf(['01-ank.md', note('where CloudFront caches content')]);
    const after = deckOf(['01-ank.md', note('a site where CloudFront keeps cached copies near viewers')]);
    const id = (d: typeof before) => d.facts.find((f) => f.groupId === 'limits' && f.kind === 'term');
    const a = id(before);
    const b = id(after);
    expect(a && b && ankiGuid(a, 'en')).toBe(b && ankiGuid(b, 'en'));
    expect(a && ankiGuid(a, 'en')).not.toBe(a && ankiGuid(a, 'ko'));
    expect(ankiNotes(before, 'en').get(a?.id ?? '')?.fields[1]).not.toBe(ankiNotes(after, 'en').get(b?.id ?? '')?.fields[1]);
  });

  it('tell repeated fronts apart by the group when the topic is the same', () => {
    const deck = deckOf(['01-ank.md', note('where CloudFront caches content')]);
    const fronts = [...ankiNotes(deck, 'en').values()].map((n) => n.fields[0]);
    expect(fronts).toContain('Edge location (Limits)');
    expect(fronts).toContain('Edge location (Other)');
    expect(ankiExport(deck, deck.facts, 'en').split('\n')).toContain('#guid column:3');
  });
});

describe('the Anki export of the shipped notes', () => {
  const { deck } = loadDeck([{ dir: join(ROOT, 'notes'), shipped: true }]);

  it.each(LANGS)('has one note per fact with unique fronts and guids (%s)', (lang) => {
    const notes = ankiNotes(deck, lang);
    expect(notes.size).toBe(deck.facts.length);
    const fronts = [...notes.values()].map((n) => n.fields[0]);
    expect(new Set(fronts).size).toBe(fronts.length);
    expect(new Set(deck.facts.map((f) => ankiGuid(f, lang))).size).toBe(deck.facts.length);
  });

  it('keeps English and Korean apart: no guid or deck is shared', () => {
    const guids = new Set(deck.facts.map((f) => ankiGuid(f, 'en')));
    expect(deck.facts.some((f) => guids.has(ankiGuid(f, 'ko')))).toBe(false);
    const decks = new Set(deck.facts.map((f) => ankiDeck(deck, f, 'en')));
    expect(decks.size).toBe(deck.topics.length);
    expect(deck.facts.some((f) => decks.has(ankiDeck(deck, f, 'ko')))).toBe(false);
  });

  it('writes each cloze fact with all its blanks as c1 and no other cloze number', () => {
    const clozes = deck.facts.filter((f) => f.kind === 'cloze');
    expect(clozes.length).toBeGreaterThan(100);
    for (const lang of LANGS) {
      const notes = ankiNotes(deck, lang);
      for (const f of clozes) {
        const text = notes.get(f.id)?.fields[0] ?? '';
        const blanks = (f.text[lang] ?? '').match(/\{\{[^{}]+\}\}/g)?.length ?? 0;
        expect(text.match(/\{\{c1::[^{}:]+\}\}/g)?.length, `${f.id} ${lang}`).toBe(blanks);
        expect(text.replace(/\{\{c1::[^{}:]+\}\}/g, '')).not.toMatch(/\{\{|\}\}/);
      }
    }
  });

  it('tags each note with its own fact domain only', () => {
    for (const f of deck.facts) {
      const domains = ankiTags(deck, f)
        .split(' ')
        .filter((t) => t.startsWith('saa::domain::'));
      expect(domains).toEqual([`saa::domain::${factDomain(deck, f)}`]);
    }
    // Not the topic's first domain for all: facts of one topic carry different domain tags.
    const s3 = new Set(deck.facts.filter((f) => f.topicId === 's3').map((f) => factDomain(deck, f)));
    expect(s3.size).toBeGreaterThan(1);
  });
});
