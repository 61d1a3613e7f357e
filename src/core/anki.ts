/**
 * Anki's text import format (read from Anki's own importer, rslib/src/import_export/text/csv):
 * `#key:value` header lines, then one note per line with tab-separated fields. A field holding a
 * tab, a newline or a double quote is quoted, with inner quotes doubled. Each line names its
 * stock note type (Basic or Cloze), its deck (one per topic and language) and its guid (the fact
 * id with the language), so a re-import after an edit updates the note in place and keeps its
 * review history, and the English and Korean exports never touch each other's notes.
 */
import type { AnkiNote } from './kinds/kind.js';
import { kindOf } from './kinds/registry.js';
import { pick } from './text.js';
import { type Deck, type Fact, factDomain, groupKey, type Lang } from './types.js';

/** Columns, 1-based: note type, deck, guid, the note type's two fields, tags. */
export const ANKI_HEADER = [
  '#separator:tab',
  '#html:false',
  '#notetype column:1',
  '#deck column:2',
  '#guid column:3',
  '#tags column:6',
  '#if matches:update current',
];

const LANGUAGE_NAME: Record<Lang, string> = { en: 'English', ko: '한국어' };

export function ankiField(text: string): string {
  return /[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Stable across rewordings: the fact id, which notes keep when their text changes. */
export function ankiGuid(fact: Fact, lang: Lang): string {
  return `saa:${lang}:${fact.id}`;
}

/** `SAA-C03::English::08 Amazon S3`: one deck per topic, under one per language. */
export function ankiDeck(deck: Deck, fact: Fact, lang: Lang): string {
  const topic = deck.topics.find((t) => t.id === fact.topicId);
  const title = topic ? pick(topic.title, lang) : fact.topicId;
  // `::` separates deck levels in Anki, so a title must not contain it.
  return `SAA-C03::${LANGUAGE_NAME[lang]}::${String(topic?.order ?? 0).padStart(2, '0')} ${title.replaceAll('::', ':')}`;
}

/** Anki tags are space-separated words: topic, the fact's own domain and group, hierarchical with `::`. */
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

/**
 * Every fact's note in one language, with fronts made unique over the whole deck (so they do
 * not depend on which topics are exported): a front that repeats gets its topic's title, then
 * its group's, then a number.
 */
export function ankiNotes(deck: Deck, lang: Lang): Map<string, AnkiNote> {
  const notes = new Map<string, AnkiNote>(deck.facts.map((f) => [f.id, kindOf(f).anki(deck, f, lang)]));
  const topicTitle = (f: Fact) => pick(deck.topics.find((t) => t.id === f.topicId)?.title ?? {}, lang);
  const groupTitle = (f: Fact) => pick(deck.groups.get(groupKey(f.topicId, f.groupId))?.title ?? {}, lang);
  const steps: ((f: Fact, n: number) => string)[] = [(f) => topicTitle(f), (f) => groupTitle(f), (_f, n) => String(n)];
  for (const step of steps) {
    const byFront = new Map<string, Fact[]>();
    for (const f of deck.facts) {
      const front = notes.get(f.id)?.fields[0] ?? '';
      byFront.set(front, [...(byFront.get(front) ?? []), f]);
    }
    for (const [front, facts] of byFront) {
      // A step whose value is the same for all of them would tell them no further apart.
      if (facts.length < 2 || new Set(facts.map((f, i) => step(f, i + 1))).size < 2) continue;
      facts.forEach((f, i) => {
        const note = notes.get(f.id) as AnkiNote;
        const extra = step(f, i + 1);
        if (extra) notes.set(f.id, { ...note, fields: [`${front} (${extra})`, note.fields[1]] });
      });
    }
  }
  return notes;
}

/** `sanitize` is applied to every field's text (the CLI strips terminal controls from note text). */
export function ankiExport(deck: Deck, facts: readonly Fact[], lang: Lang, sanitize: (text: string) => string = (t) => t): string {
  const notes = ankiNotes(deck, lang);
  const lines = [...ANKI_HEADER];
  for (const f of facts) {
    const note = notes.get(f.id) ?? kindOf(f).anki(deck, f, lang);
    const fields = [note.notetype, ankiDeck(deck, f, lang), ankiGuid(f, lang), ...note.fields, ankiTags(deck, f)];
    lines.push(fields.map((field) => ankiField(sanitize(field))).join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
