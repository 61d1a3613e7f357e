/**
 * Tables aligned by display width, so Korean (double-width) text lines up with English.
 * Widths come from wrap.ts, which loads string-width only for text that is not plain.
 */
import { textWidth as stringWidth, wrap } from './wrap.js';

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

/**
 * A table that fits `width` columns: as is when it fits; otherwise each row becomes a stacked
 * record ("Header: value" lines, wrapped), which reads well at any width.
 */
export function fitTable(header: readonly string[], rows: string[][], width: number, align: ('l' | 'r')[] = []): string {
  const plain = table(header, rows, align);
  if (plain.split('\n').every((l) => stringWidth(l) <= width)) return plain;
  const label = Math.min(24, Math.max(...header.map((h) => stringWidth(h))));
  return rows
    .map((r) =>
      r
        .map((cell, i) => {
          const name = header[i] ?? '';
          if (i === 0) return `  ▸ ${cell}`;
          const head = `    ${padEnd(truncate(name, label), label)}  `;
          return wrap(cell, width, head);
        })
        .join('\n'),
    )
    .join('\n');
}
