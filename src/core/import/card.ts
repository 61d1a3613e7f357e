/**
 * A card brought in from someone else's deck (a CSV row, a line of an Anki text export, a note
 * of an Anki package), already reduced to plain text, and why a card was left out. Pure: the
 * readers in src/io hand rows here, and note-writer.ts turns cards into a topic note.
 */

/** Where a card came from, for the learner's messages: a line of a text file or a note of a package. */
export interface CardOrigin {
  /** 1-based line of a text file, or 1-based position of a note in a package. */
  at: number;
}

export interface ImportCard extends CardOrigin {
  /** Plain text, one line; for a cloze card, the sentence with Anki's `{{c1::…}}` deletions. */
  front: string;
  back: string;
  cloze: boolean;
  /** Anki tags (words, `::` for levels). */
  tags: string[];
  /** Anki deck path (`AWS::S3`), when the source names one. */
  deck?: string;
  /** Anki's note guid: the stable handle of the note across edits and re-exports. */
  guid?: string;
  /** A field named an image or a sound (the card may have held nothing else). */
  media?: boolean;
  /** A field was longer than MAX_FIELD_CHARS and was cut. */
  truncated?: boolean;
}

export type SkipReason = 'empty-front' | 'empty-back' | 'media-only' | 'duplicate' | 'no-cloze' | 'too-few' | 'no-options' | 'over-limit' | 'invalid';

export interface SkippedCard extends CardOrigin {
  reason: SkipReason;
  /** The note checker's own words, for `invalid` and `no-options`. */
  detail?: string;
}

/**
 * Limits on what one import writes. A topic note is at most 2 MiB (see parse/file-name.ts), and
 * an answer option of thousands of characters cannot be read on a terminal anyway.
 */
export const MAX_FIELD_CHARS = 2_000;
export const MAX_CARDS = 5_000;

/** A failure of the whole file (no rows, one column, a broken quote): one line for the learner. */
export class ImportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFormatError';
  }
}
