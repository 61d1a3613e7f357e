/**
 * Word wrapping for everything saa prints: at word boundaries, by display width (Korean
 * characters are two columns), with a hanging indent. wrap-ansi does the wrapping.
 */
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/**
 * The width of a line prefix: "✔" (U+2714) is an emoji to string-width (2 columns) but terminals
 * draw it in text style, one column, and the hanging indent must line up with what they draw.
 */
const markWidth = (s: string) => stringWidth(s.replace(/\u2714(?!\uFE0F)/g, '+'));

/**
 * Wraps `text` to `width` columns: the first line starts with `first`, the others with `rest`
 * (by default as many spaces as `first` is wide). Lines of the text stay lines.
 */
export function wrap(text: string, width: number, first = '', rest?: string): string {
  const hang = rest ?? ' '.repeat(markWidth(first));
  const room = Math.max(10, width - Math.max(markWidth(first), markWidth(hang)));
  const lines = text.split('\n').flatMap((para) => wrapAnsi(para, room, { hard: true, trim: true }).split('\n'));
  return lines.map((l, i) => `${i === 0 ? first : hang}${l}`).join('\n');
}
