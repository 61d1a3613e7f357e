/**
 * Anki's text import format: a header of `#key:value` lines, then one note per line with
 * tab-separated fields. A field holding a tab, a newline or a double quote is quoted, with
 * inner quotes doubled (Anki's CSV-style escaping). One card per fact: front, back, tags.
 */
import { factSummary, fillCloze, phrase } from './phrases.js';
import { pick } from './text.js';
import { groupKey, type Deck, type Fact, type Lang } from './types.js';

export const ANKI_HEADER = ['#separator:tab', '#html:false', '#tags column:3'];

export function ankiField(text: string): string {
  return /[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Anki tags are space-separated words: topic, domains and group, hierarchical with `::`. */
export function ankiTags(deck: Deck, fact: Fact): string {
  const topic = deck.topicsById.get(fact.topicId);
  const clean = (s: string) => s.replace(/[\s"]+/g, '_');
  return [
    'saa',
    `saa::topic::${clean(fact.topicId)}`,
    ...(topic?.domains ?? []).map((d) => `saa::domain::${d}`),
    `saa::group::${clean(fact.topicId)}::${clean(fact.groupId)}`,
    ...fact.tags.map((t) => `saa::tag::${clean(t)}`),
  ].join(' ');
}

/** Front and back of the card for one fact. */
export function ankiCard(deck: Deck, fact: Fact, lang: Lang): [front: string, back: string] {
  const p = (x: Parameters<typeof pick>[0]) => pick(x, lang);
  switch (fact.kind) {
    case 'term':
      return [p(fact.term), p(fact.description)];
    case 'row': {
      const g = deck.groups.get(groupKey(fact.topicId, fact.groupId));
      return [`${p(fact.label)} (${p(g?.labelHeader ?? {})})`, p(factSummary(deck, fact))];
    }
    case 'statement':
      return [p(phrase('trueFalse', { statement: fact.statement })), fact.truth ? p({ en: 'True', ko: '참' }) : `${p({ en: 'False', ko: '거짓' })}: ${p(fact.correction)}`];
    case 'cloze':
      return [fillCloze(p(fact.text), 0, '[...]').replace(/\{\{([^{}]+)\}\}/g, '[...]'), fillCloze(p(fact.text), -1)];
    case 'scenario':
      return [p(phrase('scenario', { scenario: fact.scenario })), p(fact.answer)];
  }
}

export function ankiExport(deck: Deck, facts: readonly Fact[], lang: Lang): string {
  const lines = [...ANKI_HEADER];
  for (const f of facts) {
    const [front, back] = ankiCard(deck, f, lang);
    lines.push([ankiField(front), ankiField(back), ankiField(ankiTags(deck, f))].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
