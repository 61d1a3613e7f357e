/**
 * The header lines of Anki's text format, read as Anki reads them
 * (rslib/src/import_export/text/csv/metadata.rs): `#key:value` lines at the top of the file
 * (and a legacy first line `tags:…`), where `separator`, `html`, `tags`, `columns`, `deck`,
 * `notetype` and the `… column` keys say how the rows below are laid out. Columns are 1-based.
 */

export interface AnkiTextHeader {
  /** How many lines at the top were header lines. */
  lines: number;
  separator?: string;
  html?: boolean;
  /** Tags for every note. */
  tags: string[];
  columns?: string[];
  deck?: string;
  notetype?: string;
  notetypeColumn?: number;
  deckColumn?: number;
  guidColumn?: number;
  tagsColumn?: number;
}

const SEPARATORS: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', space: ' ', pipe: '|', colon: ':' };
const HEADER_LINE = /^#([a-z][a-z ]*):(.*)$/i;

/**
 * A value as Anki trims it: its first character, then up to the first character that is not a
 * letter or digit, so `#separator:Tab,,,` (a header line saved as a CSV row) still reads "Tab"
 * and `#separator:,` reads ",".
 */
function token(value: string): string {
  if (value.length <= 1) return value;
  const rest = /^[A-Za-z0-9]*/.exec(value.slice(1))?.[0] ?? '';
  return value.charAt(0) + rest;
}

function separatorOf(value: string): string | undefined {
  const v = token(value).trim().toLowerCase();
  if (SEPARATORS[v]) return SEPARATORS[v];
  const one = value.charAt(0);
  return Object.values(SEPARATORS).includes(one) ? one : undefined;
}

function column(value: string): number | undefined {
  const n = Number(token(value).trim());
  return Number.isInteger(n) && n > 0 && n <= 1000 ? n : undefined;
}

/** Reads the header lines of `lines` (the file split on newlines); `lines: 0` when there are none. */
export function readAnkiTextHeader(lines: readonly string[]): AnkiTextHeader {
  const h: AnkiTextHeader = { lines: 0, tags: [] };
  let columns: string | undefined;
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (h.lines === 0 && line.startsWith('tags:')) {
      h.tags = line.slice(5).split(/\s+/).filter(Boolean);
      h.lines++;
      continue;
    }
    const m = HEADER_LINE.exec(line);
    if (!m) break;
    h.lines++;
    const value = m[2] ?? '';
    switch ((m[1] ?? '').trim().toLowerCase()) {
      case 'separator':
        h.separator = separatorOf(value) ?? h.separator;
        break;
      case 'html': {
        const v = token(value).trim().toLowerCase();
        if (v === 'true' || v === 'false') h.html = v === 'true';
        break;
      }
      case 'tags':
        h.tags = value.split(/\s+/).filter(Boolean);
        break;
      case 'columns':
        columns = value;
        break;
      case 'deck':
        if (value.trim()) h.deck = value.trim();
        break;
      case 'notetype':
        if (value.trim()) h.notetype = value.trim();
        break;
      case 'notetype column':
        h.notetypeColumn = column(value);
        break;
      case 'deck column':
        h.deckColumn = column(value);
        break;
      case 'guid column':
        h.guidColumn = column(value);
        break;
      case 'tags column':
        h.tagsColumn = column(value);
        break;
    }
  }
  // `#columns` is split by the separator, which may come after it.
  if (columns !== undefined) h.columns = columns.split(h.separator ?? '\t').map((c) => c.trim());
  return h;
}
