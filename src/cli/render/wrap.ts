/**
 * Word wrapping for everything saa prints: at word boundaries, by display width (Korean
 * characters are two columns), with a hanging indent. wrap-ansi does the wrapping.
 *
 * Plain text takes a fast path. string-width segments every string into graphemes and tests
 * each against a very large emoji regular expression, whose first use alone costs a start-up
 * about 10 ms; most of what saa prints is printable ASCII and Hangul syllables, whose widths
 * are fixed (1 and 2 columns), each code point its own grapheme, and unchanged by the NFC
 * normalisation wrap-ansi applies first. Text made only of those (and a few punctuation marks
 * one column wide) is measured and wrapped here exactly as wrap-ansi does with
 * `{ hard: true, trim: true }` (test/cli/wrap.test.ts compares the two). A line that is plain but
 * for colour codes (SGR sequences, as chalk writes them) and already fits is returned as it is,
 * which is what wrap-ansi returns for it. Anything else (other escape sequences, emoji, other
 * scripts, a coloured line that must break) still goes through wrap-ansi and string-width.
 */

type StringWidth = typeof import('string-width').default;
type WrapAnsi = typeof import('wrap-ansi').default;

/**
 * string-width and wrap-ansi, evaluated on first use: building string-width's segmenter and
 * width tables costs a start-up another 10 ms or so, and plain text never needs them. A
 * `require` of these ES modules stays synchronous: the bundle turns it into a lazy
 * initialiser of the bundled module, and Node (≥ 20.19) loads ES modules by `require` for the sources.
 */
let slow: { stringWidth: StringWidth; wrapAnsi: WrapAnsi } | undefined;
function full(): { stringWidth: StringWidth; wrapAnsi: WrapAnsi } {
  slow ??= {
    stringWidth: (require('string-width') as { default: StringWidth }).default,
    wrapAnsi: (require('wrap-ansi') as { default: WrapAnsi }).default,
  };
  return slow;
}

/** One-column characters outside ASCII that notes and UI strings use often: · – — … ‘ ’ “ ” • › ❯ ← ↑ → ↓. */
const NARROW = new Set([0xb7, 0x2013, 0x2014, 0x2026, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x203a, 0x276f, 0x2190, 0x2191, 0x2192, 0x2193]);

/** The display width of `text` when it is plain (see above), else null. */
export function plainWidth(text: string): number | null {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) width += 1;
    else if (c >= 0xac00 && c <= 0xd7a3) width += 2;
    else if (NARROW.has(c)) width += 1;
    else return null;
  }
  return width;
}

// Colour codes only (`ESC [ params m`): the sequences chalk writes; string-width counts them as 0 columns.
const SGR = /\u001b\[[0-9;]*m/g;

/** The width of plain text with colour codes, else null. */
function colouredWidth(text: string): number | null {
  return text.includes('\u001b') ? plainWidth(text.replace(SGR, '')) : null;
}

/** string-width's display width, without loading it for plain text. */
export const textWidth = (s: string): number => plainWidth(s) ?? colouredWidth(s) ?? full().stringWidth(s);

/**
 * wrap-ansi's line algorithm (hard wrap, trimmed) for one plain line: words split on single
 * spaces, a word wider than the line broken across lines, trailing spaces dropped.
 */
function wrapPlain(line: string, columns: number): string {
  if (line.trim() === '') return '';
  const words = line.split(' ');
  const rows = [''];
  const last = () => rows[rows.length - 1] as string;
  for (const [index, word] of words.entries()) {
    rows[rows.length - 1] = last().trimStart();
    let rowLength = plainWidth(last()) ?? 0;
    if (index !== 0 && rowLength > 0) {
      rows[rows.length - 1] += ' ';
      rowLength++;
    }
    const length = plainWidth(word) ?? 0;
    if (length > columns) {
      const breaksStartingThisLine = 1 + Math.floor((length - (columns - rowLength) - 1) / columns);
      const breaksStartingNextLine = Math.floor((length - 1) / columns);
      if (breaksStartingNextLine < breaksStartingThisLine) rows.push('');
      breakWord(rows, word, columns);
      continue;
    }
    if (rowLength + length > columns && rowLength > 0 && length > 0) rows.push('');
    rows[rows.length - 1] += word;
  }
  return rows.map((r) => r.replace(/ +$/, '')).join('\n');
}

/** A word wider than the line, character by character (wrap-ansi's wrapWord without escapes). */
function breakWord(rows: string[], word: string, columns: number): void {
  let visible = plainWidth(rows[rows.length - 1] as string) ?? 0;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i] as string;
    const w = plainWidth(ch) ?? 0;
    if (visible + w <= columns) rows[rows.length - 1] += ch;
    else {
      rows.push(ch);
      visible = 0;
    }
    visible += w;
    if (visible === columns && i < word.length - 1) {
      rows.push('');
      visible = 0;
    }
  }
}

/** wrap-ansi with `{ hard: true, trim: true }`, by way of the fast path for a plain line. */
export function wrapLine(line: string, columns: number): string {
  if (plainWidth(line) !== null) return wrapPlain(line, columns);
  // A coloured line that fits, with no space at either end of its visible text: every word stays
  // on the one row, nothing is trimmed, and wrap-ansi gives the line back unchanged.
  const coloured = colouredWidth(line);
  if (coloured !== null && coloured <= columns) {
    const visible = line.replace(SGR, '');
    if (!visible.startsWith(' ') && !visible.endsWith(' ')) return line;
  }
  return full().wrapAnsi(line, columns, { hard: true, trim: true });
}

/**
 * The width of a line prefix: "✔" (U+2714) is an emoji to string-width (2 columns) but terminals
 * draw it in text style, one column, and the hanging indent must line up with what they draw.
 */
const markWidth = (s: string) => textWidth(s.replace(/\u2714(?!\uFE0F)/g, '+'));

/**
 * Wraps `text` to `width` columns: the first line starts with `first`, the others with `rest`
 * (by default as many spaces as `first` is wide). Lines of the text stay lines.
 */
export function wrap(text: string, width: number, first = '', rest?: string): string {
  const hang = rest ?? ' '.repeat(markWidth(first));
  const room = Math.max(10, width - Math.max(markWidth(first), markWidth(hang)));
  const lines = text.split('\n').flatMap((para) => wrapLine(para, room).split('\n'));
  return lines.map((l, i) => `${i === 0 ? first : hang}${l}`).join('\n');
}
