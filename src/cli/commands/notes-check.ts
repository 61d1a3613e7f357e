/** `saa notes check`: validate the shipped notes and the user's, one `file:line: message` per problem. */
import { formatDiagnostic, loadDeck, shippedNotesDir } from '../../io/load-notes.js';
import { userNotesDirs } from '../../io/paths.js';
import type { Context } from '../context.js';
import { EXIT } from '../errors.js';
import { clean } from '../render/clean.js';

export interface NotesCheckOptions {
  notes?: string;
  strict?: boolean;
  bilingual?: boolean;
}

export async function run(opts: NotesCheckOptions, ctx: Context): Promise<number> {
  const sources = [
    { dir: shippedNotesDir(), shipped: true },
    ...userNotesDirs(opts.notes, ctx.env).map((dir) => ({ dir, shipped: false, bilingual: opts.bilingual === true })),
  ];
  const { deck, diagnostics, files } = loadDeck(sources, { validate: true });
  const sorted = [...diagnostics].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  // Messages quote note text, which may hold terminal escapes: never pass them through.
  for (const d of sorted) ctx.stdout.write(`${clean(formatDiagnostic(d))}\n`);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  ctx.stdout.write(`${files} notes, ${deck.topics.length} topics, ${deck.facts.length} facts: ${errors} error(s), ${warnings} warning(s)\n`);
  return errors > 0 || (opts.strict && warnings > 0) ? EXIT.failure : EXIT.ok;
}
