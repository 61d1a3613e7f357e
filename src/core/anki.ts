/**
 * Anki's text import format: a header of `#key:value` lines, then one note per line with
 * tab-separated fields. A field holding a tab, a newline or a double quote is quoted, with
 * inner quotes doubled (Anki's CSV-style escaping). One card per fact: front, back, tags.
 */
import { kindOf } from './kinds/registry.js';
import { type Deck, type Fact, factDomain, type Lang } from './types.js';

export const ANKI_HEADER = ['#separator:tab', '#html:false', '#tags column:3'];

export function ankiField(text: string): string {
  return /[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Anki tags are space-separated words: topic, domains and group, hierarchical with `::`. */
export function ankiTags(deck: Deck, fact: Fact): string {
  const clean = (s: string) => s.replace(/[\s"]+/g, '_');
  return [
    'saa',
    `saa::topic::${clean(fact.topicId)}`,
    `saa::domain::${factDomain(deck, fact)}`,
    `saa::group::${clean(fact.topicId)}::${clean(fact.groupId)}`,
    ...fact.tags.map((t) => `saa::tag::${clean(t)}`),
  ].join(' ');
}

/** Front and back of the card for one fact. */
export function ankiCard(deck: Deck, fact: Fact, lang: Lang): [front: string, back: string] {
  return kindOf(fact).anki(deck, fact, lang);
}

/** `sanitize` is applied to every field's text (the CLI strips terminal controls from note text). */
export function ankiExport(deck: Deck, facts: readonly Fact[], lang: Lang, sanitize: (text: string) => string = (t) => t): string {
  const lines = [...ANKI_HEADER];
  for (const f of facts) {
    const [front, back] = ankiCard(deck, f, lang);
    lines.push([front, back, ankiTags(deck, f)].map((field) => ankiField(sanitize(field))).join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
