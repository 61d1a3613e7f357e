/**
 * The imported note, checked the way `saa notes check` will check it: the note is written,
 * parsed and validated against the shipped notes (the wrong options of a fact may come from
 * them); a card whose fact cannot be asked (a cloze whose blank has no like answers anywhere, a
 * scenario with no other answers near it) is left out with the checker's reason, and the note is
 * written again without it. The result has no errors, or the build says why it could not.
 */
import { buildDeck } from '../deck.js';
import { kindModule } from '../kinds/registry.js';
import { DEFAULT_MAX_BYTES, parseNote } from '../parse/note.js';
import { type Diagnostic, type Fact, type FactKind, groupKey, type Note } from '../types.js';
import type { ImportCard, SkippedCard } from './card.js';
import { type NoteOptions, type WrittenNote, writeNote } from './note-writer.js';

const MAX_PASSES = 8;

/** Errors `notes check` would report in `text`, written to `file`, beside `others` (the shipped notes). */
export function noteErrors(file: string, text: string, others: readonly Note[]): Diagnostic[] {
  const parsed = parseNote(file, text);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (!parsed.note) return errors;
  const { deck, diagnostics } = buildDeck([...others, parsed.note]);
  errors.push(...diagnostics.filter((d) => d.file === file && d.severity === 'error'));
  const topicId = parsed.note.topic.id;
  for (const g of parsed.note.groups) {
    const byKind = new Map<FactKind, Fact[]>();
    for (const f of deck.byGroup.get(groupKey(topicId, g.id)) ?? []) {
      const list = byKind.get(f.kind);
      if (list) list.push(f);
      else byKind.set(f.kind, [f]);
    }
    for (const [kind, facts] of byKind) errors.push(...(kindModule(kind).validateGroup?.(deck, g, facts, file) ?? []));
  }
  for (const f of deck.byTopic.get(topicId) ?? []) errors.push(...(kindModule(f.kind).validate?.(deck, f, file) ?? []));
  return errors.filter((d) => d.severity === 'error');
}

export interface BuiltNote extends WrittenNote {
  /** Errors that remain (none unless the writer has a bug): the command refuses to write then. */
  errors: Diagnostic[];
}

export function buildImportedNote(cards: readonly ImportCard[], o: NoteOptions, file: string, others: readonly Note[]): BuiltNote {
  const drop = new Map<number, SkippedCard>();
  for (let pass = 1; ; pass++) {
    const note = writeNote(cards, o, drop);
    // Over the size a note may have (long `avoid=` lists on many lines): the last cards, in proportion, are left out.
    const bytes = new TextEncoder().encode(note.text).length;
    if (bytes > DEFAULT_MAX_BYTES && pass < MAX_PASSES) {
      const excess = Math.ceil(note.facts.length * (1 - (DEFAULT_MAX_BYTES * 0.95) / bytes));
      for (const f of note.facts.slice(-Math.max(1, excess))) drop.set(f.card, { at: cards[f.card]?.at ?? 0, reason: 'over-limit' });
      continue;
    }
    const errors = noteErrors(file, note.text, others);
    if (errors.length === 0 || pass === MAX_PASSES) return { ...note, errors };
    const byLine = new Map(note.facts.map((f) => [f.line, f.card]));
    const terms = new Set(note.facts.filter((f) => f.kind === 'term').map((f) => f.card));
    let dropped = 0;
    for (const e of errors) {
      const at = (i: number) => cards[i]?.at ?? 0;
      const card = byLine.get(e.line);
      const detail = e.message.replace(/^fact "[^"]*": /, '');
      if (card !== undefined && !drop.has(card)) {
        const reason = /three options/.test(e.message) ? 'no-options' : 'invalid';
        drop.set(card, { at: at(card), reason, detail });
        dropped++;
      }
      // A group's own error (too few terms) is about its terms.
      for (const i of note.headings.get(e.line) ?? []) {
        if (drop.has(i) || !terms.has(i)) continue;
        drop.set(i, { at: at(i), reason: 'too-few', detail });
        dropped++;
      }
    }
    // An error on no card's line (the front matter) cannot be fixed by leaving cards out.
    if (dropped === 0) return { ...note, errors };
  }
}
