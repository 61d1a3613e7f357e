/** `saa notes check`: validate the shipped notes and the user's, one `file:line: message` per problem. */
import { formatDiagnostic, loadDeck, shippedNotesDir } from '../../io/load-notes.js';
import { resolveLang } from '../../io/locale.js';
import { userNotesDirs } from '../../io/paths.js';
import type { Context } from '../context.js';
import { doctorStrings } from '../doctor-strings.js';
import { EXIT } from '../errors.js';
import { clean } from '../render/clean.js';

export interface NotesCheckOptions {
  lang?: string;
  notes?: string;
  strict?: boolean;
  bilingual?: boolean;
}

export async function run(opts: NotesCheckOptions, ctx: Context): Promise<number> {
  const sources = [
    { dir: shippedNotesDir(), shipped: true },
    ...userNotesDirs(opts.notes, ctx.env).map((dir) => ({ dir, shipped: false, bilingual: opts.bilingual === true })),
  ];
  const { deck, diagnostics, files } = loadDeck(sources, { validate: true, quality: true });
  const sorted = [...diagnostics].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  // Messages quote note text, which may hold terminal escapes: never pass them through.
  const t = doctorStrings(resolveLang(opts.lang, ctx.env));
  for (const d of sorted) ctx.stdout.write(`${clean(formatDiagnostic(d).replace(/^([^\n]*?: )warning: /, `$1${t.warning}`))}\n`);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  ctx.stdout.write(`${t.checkSummary(files, deck.topics.length, deck.facts.length, errors, warnings)}\n`);
  return errors > 0 || (opts.strict && warnings > 0) ? EXIT.failure : EXIT.ok;
}
