/**
 * Notes read from an Anki package (collection.anki2, schema 11) as import cards: fields are HTML
 * separated by 0x1f, note types say standard (0) or cloze (1), tags are space-separated words.
 * A standard note gives its first field as the front and its second as the back; a cloze note
 * its cloze text. `--deck` keeps one deck and the decks under it.
 */
import type { ImportCard } from './card.js';
import { hasClozeDeletion } from './card-kinds.js';
import { capField, htmlField } from './html.js';

export interface PackageNote {
  guid: string;
  /** The note's fields in note-type order (the `flds` column split on 0x1f). */
  fields: string[];
  /** The note type is a cloze type (`type` 1 in `col.models`). */
  cloze: boolean;
  /** The `tags` column: space-separated. */
  tags: string;
  /** The deck of the note's first card, `::` between levels. */
  deck: string;
}

const text = (html: string | undefined) => capField(htmlField(html ?? ''));

/** `at` is the note's 1-based position, for messages. */
export function packageCards(notes: readonly PackageNote[]): ImportCard[] {
  return notes.map((n, i) => {
    // The cloze text is the field that holds the deletions (usually "Text", the first).
    const clozeField = n.cloze
      ? Math.max(
          0,
          n.fields.findIndex((f) => hasClozeDeletion(f)),
        )
      : 0;
    const front = text(n.fields[clozeField]);
    const back = n.cloze ? { text: '', media: false, truncated: false } : text(n.fields[1]);
    const card: ImportCard = {
      at: i + 1,
      front: front.text,
      back: back.text,
      cloze: n.cloze,
      tags: n.tags.split(/\s+/).filter(Boolean),
      deck: n.deck,
      guid: n.guid,
      media: front.media || back.media,
    };
    if (front.truncated || back.truncated) card.truncated = true;
    return card;
  });
}

const sameDeck = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/** Whether `deck` is `name` or a deck under it (`AWS` takes `AWS::S3`), ignoring case. */
export function inDeck(deck: string, name: string): boolean {
  const want = name.split('::').map((s) => s.trim());
  const have = deck.split('::').map((s) => s.trim());
  return want.length <= have.length && want.every((w, i) => sameDeck(w, have[i] ?? ''));
}
