/**
 * Anki fields to plain one-line text: HTML tags removed (`<br>` and block ends become spaces),
 * entities decoded, media references (`<img>`, `[sound:…]`) dropped, terminal controls and
 * bidi overrides stripped. Every step is linear in the field's length: a deck is untrusted
 * input, and a field of a million `<` must not take quadratic time.
 */
import { decodeHTML } from 'entities';
import stripAnsi from 'strip-ansi';
import { MAX_FIELD_CHARS } from './card.js';

/** An HTML field is cut to this many characters before it is read (MAX_FIELD_CHARS applies after). */
const MAX_RAW_CHARS = 200_000;

const MEDIA_TAG = /<(?:img|audio|video|source|object|embed|iframe)\b[^<>]*>/gi;
const SOUND = /\[sound:[^\]\n]*\]/gi;
const BREAK = /<(?:br|hr)\b[^<>]*>|<\/?(?:div|p|li|ul|ol|tr|td|th|h[1-6]|table|blockquote|pre)\b[^<>]*>/gi;
// `[^<>]*`: an unclosed `<` stops at the next one, so each character is looked at a bounded number of times.
const TAG = /<\/?[A-Za-z!][^<>]*>/g;
const LATEX = /\[\/?(?:latex|\$\$?)\]/gi;
// C0/C1 controls (after tabs and newlines became spaces), bidi overrides, BOMs and line separators.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export interface FieldText {
  text: string;
  /** The field named an image or a sound (it may have been nothing else). */
  media: boolean;
}

/**
 * Removes every span from `open` to the end of `close` (case-insensitive) with one forward scan;
 * an unclosed span runs to the end. `<style>` and `<script>` bodies and comments are not text.
 */
function dropSpans(html: string, open: string, close: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let from = 0;
  for (;;) {
    const start = lower.indexOf(open, from);
    if (start < 0) return out + html.slice(from);
    out += `${html.slice(from, start)} `;
    const end = lower.indexOf(close, start + open.length);
    if (end < 0) return out;
    // A closing tag ends at its `>` (`</style >`); a comment's `-->` is its own end.
    const gt = close.endsWith('>') ? end + close.length - 1 : lower.indexOf('>', end);
    from = gt < 0 ? html.length : gt + 1;
  }
}

/** Plain text to one clean line: whitespace runs become one space, controls go. */
export function oneLine(text: string): string {
  // Whole escape sequences first (`\x1b[31m`), so that no `[31m` is left behind when ESC goes.
  return stripAnsi(text)
    .replace(/[\t\n\r\u2028\u2029\u00a0]+/g, ' ')
    .replace(CONTROLS, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** A field that is HTML (Anki's own storage, `#html:true` exports). */
export function htmlField(html: string): FieldText {
  let s = html.length > MAX_RAW_CHARS ? html.slice(0, MAX_RAW_CHARS) : html;
  s = dropSpans(dropSpans(dropSpans(s, '<!--', '-->'), '<style', '</style'), '<script', '</script');
  const withoutMedia = s.replace(MEDIA_TAG, ' ').replace(SOUND, ' ');
  const text = withoutMedia.replace(BREAK, ' ').replace(TAG, '').replace(LATEX, '');
  return { text: oneLine(decodeHTML(text)), media: withoutMedia !== s };
}

/** A field that is plain text (`#html:false`, a spreadsheet's CSV); sound references still go. */
export function plainField(text: string): FieldText {
  const s = text.length > MAX_RAW_CHARS ? text.slice(0, MAX_RAW_CHARS) : text;
  const withoutMedia = s.replace(SOUND, ' ');
  return { text: oneLine(withoutMedia), media: withoutMedia !== s };
}

/** A field cut to MAX_FIELD_CHARS (an answer option must stay readable), saying whether it was cut. */
export function capField(f: FieldText): FieldText & { truncated: boolean } {
  if (f.text.length <= MAX_FIELD_CHARS) return { ...f, truncated: false };
  return { text: `${f.text.slice(0, MAX_FIELD_CHARS - 1).trimEnd()}…`, media: f.media, truncated: true };
}

/** Whether a field reads as HTML: a tag Anki's editor writes, or an entity. */
export function looksLikeHtml(text: string): boolean {
  return /<(?:br|div|p|b|i|u|span|img|ul|ol|li|font|sub|sup|hr|table)\b[^<>]*>|<\/(?:div|p|b|i|u|span|li|font)>|&(?:nbsp|amp|lt|gt|quot|#\d+|#x[0-9a-f]+);/i.test(
    text,
  );
}
