/**
 * A CSV or TSV question bank, or an Anki text export, as import cards. Fields are split by
 * csv-parse (quoted fields with separators, doubled quotes and newlines inside; a BOM), the
 * separator is the header's or the one that splits the first rows most evenly, and a first row
 * of column names (`front,back,tags`) is recognised and used. Pure: the text is read in src/io.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { readAnkiTextHeader } from './anki-text-header.js';
import { type ImportCard, ImportFormatError } from './card.js';
import { hasClozeDeletion } from './card-kinds.js';
import { capField, htmlField, looksLikeHtml, plainField } from './html.js';

/** One row may hold at most this much text; a longer one is a broken quote or not a question bank. */
export const MAX_ROW_CHARS = 1_000_000;

export interface DelimitedDeck {
  cards: ImportCard[];
  separator: string;
  /** The file carried Anki's `#…:` header lines. */
  anki: boolean;
  /** The first row named the columns and was not imported. */
  headerRow: boolean;
  html: boolean;
}

interface Row {
  fields: string[];
  line: number;
}

const FRONT = new Set(['front', 'question', 'term', 'text', 'prompt', '앞면', '질문', '문제', '용어']);
const BACK = new Set(['back', 'answer', 'definition', 'meaning', 'back extra', '뒷면', '답', '정답', '설명']);
const TAGS = new Set(['tags', 'tag', '태그']);
const DECK = new Set(['deck', '덱']);
const SEPARATOR_NAMES: Record<string, string> = { '\t': 'tab', ',': 'comma', ';': 'semicolon', '|': 'pipe', ' ': 'space', ':': 'colon' };

export const separatorName = (sep: string) => SEPARATOR_NAMES[sep] ?? JSON.stringify(sep);

function rowsOf(body: string, separator: string, anki: boolean, firstLine: number, limit?: number): Row[] {
  const records = parse(body, {
    delimiter: separator,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_ROW_CHARS,
    // Anki skips every line that starts with `#` (its reader's comment character); a plain CSV keeps them.
    ...(anki ? { comment: '#', comment_no_infix: true } : {}),
    ...(limit ? { to: limit } : {}),
    // The line a record ends on, carried as its first cell (the typed result is string[][]).
    on_record: (fields, ctx) => [String(ctx.lines), ...fields],
  });
  return records.map(([line, ...fields]) => ({ fields, line: Number(line) + firstLine - 1 }));
}

/** The separator whose split of the first rows gives the most rows of one width of two or more fields. */
function detectSeparator(body: string): string {
  let best = ',';
  let bestScore = 0;
  for (const sep of ['\t', ',', ';', '|']) {
    let rows: Row[];
    try {
      rows = rowsOf(body, sep, false, 1, 50);
    } catch {
      continue;
    }
    const widths = new Map<number, number>();
    for (const r of rows) if (r.fields.length >= 2) widths.set(r.fields.length, (widths.get(r.fields.length) ?? 0) + 1);
    const score = Math.max(0, ...widths.values());
    if (score > bestScore) {
      best = sep;
      bestScore = score;
    }
  }
  return best;
}

function csvFailure(err: CsvError): ImportFormatError {
  const line = (err as unknown as { lines?: number }).lines;
  const at = line ? `line ${line}: ` : '';
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') return new ImportFormatError(`${at}a quoted field is never closed (a stray " character?)`);
  if (err.code === 'CSV_MAX_RECORD_SIZE') return new ImportFormatError(`${at}a row is longer than ${MAX_ROW_CHARS.toLocaleString('en')} characters`);
  return new ImportFormatError(`${at}${err.message.replace(/\s+/g, ' ').slice(0, 200)}`);
}

interface Columns {
  front: number;
  back?: number;
  tags?: number;
  deck?: number;
  guid?: number;
  notetype?: number;
}

/** 0-based columns by the names of a header row (or Anki's `#columns`): a front and a back name are needed, else null. */
function namedColumns(names: readonly string[], taken: ReadonlySet<number>): Columns | null {
  const norm = names.map((n) => n.trim().toLowerCase());
  const find = (set: Set<string>) => norm.findIndex((n, i) => set.has(n) && !taken.has(i));
  const front = find(FRONT);
  const back = find(BACK);
  if (front < 0 || back < 0) return null;
  const tags = find(TAGS);
  const deck = find(DECK);
  return { front, back, ...(tags >= 0 ? { tags } : {}), ...(deck >= 0 ? { deck } : {}) };
}

const field = (raw: string | undefined, html: boolean) => capField(html ? htmlField(raw ?? '') : plainField(raw ?? ''));

export function readDelimited(source: string): DelimitedDeck {
  // One line ending throughout: csv-parse takes the first row's ending as the rule for all rows.
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n', 64);
  const header = readAnkiTextHeader(lines);
  const anki = header.lines > 0;
  // Excel may write its separator as a first line `sep=;`.
  const excel = anki ? null : /^sep=([^\n])$/.exec(lines[0] ?? '');
  const skip = anki ? header.lines : excel ? 1 : 0;
  const body = skip ? text.split('\n').slice(skip).join('\n') : text;
  const separator = header.separator ?? excel?.[1] ?? detectSeparator(body);
  let rows: Row[];
  try {
    rows = rowsOf(body, separator, anki, skip + 1);
  } catch (err) {
    if (err instanceof CsvError) throw csvFailure(err);
    throw err;
  }
  rows = rows.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (rows.length === 0) throw new ImportFormatError('no rows to import');

  // Anki's meta columns (1-based in the header); the note's fields are the other columns, in order.
  const meta = new Map<keyof Columns, number>();
  if (header.notetypeColumn) meta.set('notetype', header.notetypeColumn - 1);
  if (header.deckColumn) meta.set('deck', header.deckColumn - 1);
  if (header.guidColumn) meta.set('guid', header.guidColumn - 1);
  if (header.tagsColumn) meta.set('tags', header.tagsColumn - 1);
  const taken = new Set(meta.values());
  let cols: Columns | null = null;
  let headerRow = false;
  if (header.columns) cols = namedColumns(header.columns, taken);
  if (!cols && !anki) {
    cols = namedColumns(rows[0]?.fields ?? [], taken);
    headerRow = cols !== null;
  }
  const width = rows.reduce((w, r) => Math.max(w, r.fields.length), 0);
  const free = Array.from({ length: width }, (_, i) => i).filter((i) => !taken.has(i));
  cols ??= { front: free[0] ?? 0, ...(free[1] !== undefined ? { back: free[1] } : {}), ...(!anki && free[2] !== undefined ? { tags: free[2] } : {}) };
  for (const [k, v] of meta) cols[k] = v;
  if (headerRow) rows = rows.slice(1);
  if (rows.length === 0) throw new ImportFormatError('only a header row, no rows to import');

  const c = cols;
  if (c.back === undefined && !rows.some((r) => hasClozeDeletion(r.fields[c.front] ?? ''))) {
    throw new ImportFormatError(`only one column found (separator ${separatorName(separator)}); each row needs a front and a back, e.g. "question,answer"`);
  }
  const html = header.html ?? rows.slice(0, 500).some((r) => r.fields.some(looksLikeHtml));
  const cards = rows.map((r): ImportCard => {
    const front = field(r.fields[c.front], html);
    const back = field(c.back !== undefined ? r.fields[c.back] : '', html);
    const notetype = c.notetype !== undefined ? (r.fields[c.notetype] ?? '') : (header.notetype ?? '');
    const tags = [...header.tags, ...(c.tags !== undefined ? (r.fields[c.tags] ?? '').split(/\s+/).filter(Boolean) : [])];
    const deck = (c.deck !== undefined ? r.fields[c.deck]?.trim() : undefined) || header.deck;
    const guid = c.guid !== undefined ? r.fields[c.guid]?.trim() : undefined;
    const card: ImportCard = {
      at: r.line,
      front: front.text,
      back: back.text,
      // A cloze note type says so in its name (in English); one named in another language still has `{{c1::…}}`.
      cloze: /cloze/i.test(notetype) || hasClozeDeletion(front.text),
      tags,
      media: front.media || back.media,
    };
    if (deck) card.deck = deck;
    if (guid) card.guid = guid;
    if (front.truncated || back.truncated) card.truncated = true;
    return card;
  });
  return { cards, separator, anki, headerRow, html };
}
