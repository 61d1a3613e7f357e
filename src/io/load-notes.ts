/** Reads topic notes from disk (the shipped folder and the user's) and parses them. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDeck } from '../core/deck.js';
import { isTopicFileName, parseNote } from '../core/parse/note.js';
import type { Deck, Diagnostic, Note } from '../core/types.js';
import { validateDeck } from '../core/validate.js';

export interface NotesSource {
  dir: string;
  /** Shipped notes are held to the stricter rules (both languages on every fact). */
  shipped: boolean;
  /** Hold a user's notes to the shipped rules too (`notes check --bilingual`). */
  bilingual?: boolean;
}

export interface LoadedDeck {
  deck: Deck;
  diagnostics: Diagnostic[];
  files: number;
}

/** The notes that ship with the package, next to `dist/` (or next to `src/` when the tests run the sources). */
export function shippedNotesDir(): string {
  const fromSource = /\/src\/io\/[^/]+$/.test(import.meta.url);
  return fileURLToPath(new URL(fromSource ? '../../notes/' : '../notes/', import.meta.url));
}

/**
 * Loads every `NN-slug.md` in the given folders. A note with errors is still used if it parsed
 * (its bad lines are skipped); one that did not parse at all is left out. Either way the
 * diagnostics say why, and nothing here throws for a bad note.
 */
export function loadDeck(sources: readonly NotesSource[], options: { validate?: boolean } = {}): LoadedDeck {
  const diagnostics: Diagnostic[] = [];
  const notes: Note[] = [];
  let files = 0;
  for (const source of sources) {
    let names: string[];
    try {
      if (!statSync(source.dir).isDirectory()) throw new Error('not a directory');
      names = readdirSync(source.dir).sort();
    } catch (err) {
      diagnostics.push({
        file: source.dir,
        line: 0,
        severity: 'error',
        message: `cannot read notes folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      });
      continue;
    }
    for (const name of names) {
      if (!name.endsWith('.md')) continue;
      const file = join(source.dir, name);
      if (!isTopicFileName(name)) {
        if (!/^readme\.md$/i.test(name)) {
          diagnostics.push({ file, line: 1, severity: 'warning', message: 'not a topic note (name it NN-slug.md); skipped' });
        }
        continue;
      }
      files++;
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        diagnostics.push({ file, line: 0, severity: 'error', message: `cannot read: ${(err as NodeJS.ErrnoException).code}` });
        continue;
      }
      const parsed = parseNote(file, text, { requireBothLanguages: source.shipped || source.bilingual === true, shipped: source.shipped });
      diagnostics.push(...parsed.diagnostics);
      if (parsed.note) notes.push(parsed.note);
    }
  }
  const built = buildDeck(notes);
  diagnostics.push(...built.diagnostics);
  if (options.validate) diagnostics.push(...validateDeck(built.deck));
  return { deck: built.deck, diagnostics, files };
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}` : d.file;
  return `${where}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
}
