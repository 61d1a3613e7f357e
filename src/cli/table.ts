/**
 * Tables aligned by display width, so Korean (double-width) text lines up with English.
 * Kept apart from render.ts so that the quiz, which draws no table, does not load string-width.
 */
import stringWidth from 'string-width';

/** Pads by display width, so Korean (double-width) text lines up with English. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - stringWidth(text))) + text;
}

export function table(header: readonly string[], rows: string[][], align: ('l' | 'r')[] = []): string {
  const widths = header.map((h, c) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[c] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (align[c] === 'r' ? padStart(cell, widths[c] ?? 0) : padEnd(cell, widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Cuts text to at most `width` columns of display, ending in `…` when cut. */
export function truncate(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (stringWidth(`${out}${ch}…`) > width) break;
    out += ch;
  }
  return `${out}…`;
}
