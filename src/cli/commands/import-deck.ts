/**
 * `saa import csv FILE` and `saa import anki FILE`: someone's own question bank or Anki deck as a
 * topic note in their notes folder, which `saa notes check` passes, so its cards join quiz,
 * review, exam practice and stats. Reading is in src/io, the cards → note mapping in
 * src/core/import; this module picks the topic id, the file and the folder (as `notes new`
 * does), refuses to overwrite without --force, writes the file and says what it did.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { packageCards } from '../../core/import/anki-notes.js';
import { buildImportedNote } from '../../core/import/build-note.js';
import { type ImportCard, ImportFormatError, MAX_FIELD_CHARS, type SkipReason } from '../../core/import/card.js';
import { readDelimited } from '../../core/import/delimited.js';
import { topicOrder } from '../../core/parse/file-name.js';
import type { FactKind, Note } from '../../core/types.js';
import { readAnkiPackage } from '../../io/anki-package-reader.js';
import { readImportText } from '../../io/import-text.js';
import { resolveLang } from '../../io/locale.js';
import { readNoteFiles } from '../../io/note-files.js';
import { parseNoteFiles } from '../../io/parse-notes.js';
import { userNotesDirs } from '../../io/paths.js';
import { shippedNotesDir } from '../../io/shipped.js';
import type { Context } from '../context.js';
import { EXIT, SaaError, UsageError } from '../errors.js';
import { importStrings } from '../import-strings.js';
import { clean } from '../render/clean.js';

export interface ImportDeckOptions {
  topic?: string;
  title?: string;
  dir?: string;
  notes?: string;
  lang?: string;
  force?: boolean;
  deck?: string;
}

const TOPIC_ID = /^[a-z0-9][a-z0-9-]*$/;

/** A failure to read the input file, as the one line the learner sees. */
function readFailure(name: string, err: unknown): never {
  if (err instanceof ImportFormatError) throw new UsageError(`${name}: ${clean(err.message)}; nothing was imported`);
  throw err;
}

/** `My AWS deck (2024).csv` → `my-aws-deck-2024`. */
function idFromFileName(file: string): string {
  const slug = basename(file, extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'my-deck';
}

/** The deck levels every card shares, as the topic's title ("AWS SAA", "AWS SAA › S3"); null when they share none. */
function sharedDeck(cards: readonly ImportCard[]): string | null {
  const levels = cards.map((c) => (c.deck ?? '').split('::').map((l) => l.trim()));
  const first = levels[0] ?? [];
  let n = 0;
  while (n < first.length && first[n] !== '' && levels.every((d) => d[n] === first[n])) n++;
  const shared = first.slice(0, n).join(' › ');
  // Anki's "Default" deck names nothing; the file name says more.
  return shared && shared !== 'Default' ? shared : null;
}

/** A path as the learner can paste it into a shell. */
const shellWord = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export async function csv(file: string, opts: ImportDeckOptions, ctx: Context): Promise<number> {
  const name = clean(file);
  let cards: ImportCard[];
  try {
    cards = readDelimited(readImportText(file)).cards;
  } catch (err) {
    readFailure(name, err);
  }
  return writeImport(cards, { file, command: 'saa import csv', unit: 'row', title: sharedDeck(cards) ?? basename(file, extname(file)) }, opts, ctx);
}

export async function anki(file: string, opts: ImportDeckOptions, ctx: Context): Promise<number> {
  const name = clean(file);
  let pkg: ReturnType<typeof readAnkiPackage>;
  try {
    pkg = readAnkiPackage(file, opts.deck);
  } catch (err) {
    readFailure(name, err);
  }
  if (pkg.notes.length === 0) {
    if (opts.deck === undefined) throw new UsageError(`${name}: the package holds no notes; nothing was imported`);
    const decks = pkg.decks.slice(0, 8).map((d) => `"${d}"`);
    throw new UsageError(
      clean(`${name}: no notes in a deck named "${opts.deck}"; its decks are ${decks.join(', ')}${pkg.decks.length > 8 ? ', …' : ''}; nothing was imported`),
    );
  }
  const cards = packageCards(pkg.notes);
  const title = sharedDeck(cards) ?? basename(file, extname(file));
  const result = writeImport(cards, { file, command: 'saa import anki', unit: 'note', title }, opts, ctx);
  if (pkg.leftOut) ctx.stdout.write(`${importStrings(resolveLang(opts.lang, ctx.env)).notRead(pkg.leftOut)}\n`);
  return result;
}

interface Source {
  file: string;
  command: string;
  unit: 'row' | 'note';
  title: string;
}

function shippedNotes(): Note[] {
  return parseNoteFiles(readNoteFiles([{ dir: shippedNotesDir(), shipped: true }])).notes;
}

/** Why a folder cannot take the note, in the learner's words. */
function folderFailure(dir: string, err: unknown): UsageError {
  const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
  const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'it (or a folder above it) is a file, not a folder' : code;
  return new UsageError(clean(`cannot write a note in ${dir}: ${why}`));
}

/** The note file for `id` in `dir`: the existing one (replaced only with --force) or the next free number. */
function targetFile(dir: string, id: string, force: boolean): string {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch (err) {
    // A folder that does not exist yet is made when the note is written, not before.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw folderFailure(dir, err);
  }
  const existing = names.find((f) => topicOrder(f) !== null && f.replace(/^\d+-/, '').replace(/\.md$/, '') === id);
  if (existing && !force) {
    throw new UsageError(clean(`${join(dir, existing)} already exists; add --force to replace it (fact ids stay the same, so your history is kept)`));
  }
  if (existing) return join(dir, existing);
  // Numbered after the shipped topics (01–20) and after the folder's own notes.
  const next = Math.max(20, ...names.map((f) => topicOrder(f) ?? 0)) + 1;
  return join(dir, `${String(next).padStart(2, '0')}-${id}.md`);
}

/** Another note of the folder that already has this topic id (under another file name) would clash with it. */
function clashInFolder(dir: string, id: string, target: string): string | null {
  const { notes } = parseNoteFiles(readNoteFiles([{ dir, shipped: false }]));
  const other = notes.find((n) => n.topic.file !== target && (n.topic.id === id || n.topic.aliases.includes(id)));
  return other ? other.topic.file : null;
}

function writeImport(cards: ImportCard[], source: Source, opts: ImportDeckOptions, ctx: Context): number {
  const t = importStrings(resolveLang(opts.lang, ctx.env));
  const name = clean(source.file);
  const id = opts.topic ?? idFromFileName(source.file);
  if (!TOPIC_ID.test(id)) throw new UsageError(`--topic must be lowercase letters, digits and "-", got "${clean(id).slice(0, 40)}"`);
  const shipped = shippedNotes();
  if (shipped.some((n) => n.topic.id === id || n.topic.aliases.includes(id))) {
    throw new UsageError(`"${id}" is a shipped topic or one of its aliases; choose another id with --topic`);
  }
  const dir = resolve(opts.dir ?? userNotesDirs(opts.notes, ctx.env)[0] ?? '.');
  const file = targetFile(dir, id, opts.force === true);
  const clash = clashInFolder(dir, id, file);
  if (clash) throw new UsageError(clean(`topic id "${id}" is already used by ${clash}; choose another with --topic`));

  const title = (opts.title ?? source.title).replace(/\s+/g, ' ').trim().slice(0, 120) || id;
  const built = buildImportedNote(cards, { topicId: id, title, source: basename(source.file), command: source.command }, file, shipped);
  if (built.facts.length === 0) {
    const why = summarize(built.skipped.map((s) => s.reason));
    throw new UsageError(`${name}: no card could be made into a question (${why}); nothing was written`);
  }
  if (built.errors.length > 0) {
    const e = built.errors[0];
    throw new SaaError(
      clean(`${name}: the note written from it would not pass "saa notes check" (line ${e?.line}: ${e?.message}); nothing was written`),
      EXIT.failure,
    );
  }
  writeNoteFile(file, built.text, opts.force === true);

  const counts = new Map<FactKind, number>();
  for (const f of built.facts) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const out = [t.wrote(file), t.facts(built.facts.length, [...counts])];
  if (built.skipped.length) {
    out.push(t.skipped(built.skipped.length, source.unit));
    const byReason = new Map<SkipReason, number[]>();
    for (const s of built.skipped) {
      const at = byReason.get(s.reason);
      if (at) at.push(s.at);
      else byReason.set(s.reason, [s.at]);
    }
    for (const [reason, at] of byReason) out.push(t.reason(reason, at.length, t.where(source.unit, at.slice(0, 5), Math.max(0, at.length - 5))));
  }
  const cut = built.facts.filter((f) => cards[f.card]?.truncated).length;
  if (cut) out.push(t.truncated(cut, MAX_FIELD_CHARS));
  out.push(t.check(shellWord(dir)), t.study(id, shellWord(dir)));
  ctx.stdout.write(`${clean(out.join('\n'))}\n`);
  return EXIT.ok;
}

function summarize(reasons: SkipReason[]): string {
  const n = new Map<SkipReason, number>();
  for (const r of reasons) n.set(r, (n.get(r) ?? 0) + 1);
  return [...n].map(([r, k]) => `${k} ${r.replace('-', ' ')}`).join(', ') || 'no rows';
}

/** A new file is created only if absent; a replaced one is written beside it and renamed over it, never left half-written. */
function writeNoteFile(file: string, text: string, force: boolean): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (err) {
    throw folderFailure(dirname(file), err);
  }
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    if (!force) writeFileSync(file, text, { flag: 'wx' });
    else {
      writeFileSync(tmp, text, { flag: 'w' });
      renameSync(tmp, file);
    }
  } catch (err) {
    rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    if (code === 'EEXIST') throw new UsageError(clean(`${file} already exists; add --force to replace it`));
    throw new UsageError(clean(`cannot write ${file}: ${code}`));
  }
}
