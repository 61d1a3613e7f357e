/**
 * `saa doctor`: checks the history database (integrity, schema, counts), shows where things
 * live and which versions run, and with `--restore` puts the newest backup back in place.
 * It reads the database read-only and never changes it, except on `--restore`, which first
 * moves the current file aside.
 */
import { copyFileSync, existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { backupProblem, PARTIAL } from '../../io/backup.js';
import { loadDeck, shippedNotesDir } from '../../io/load-notes.js';
import { resolveLang } from '../../io/locale.js';
import { SCHEMA_VERSION } from '../../io/migrations.js';
import { databasePath, userNotesDirs } from '../../io/paths.js';
import { openDatabase } from '../../io/sqlite.js';
import { asSqliteModuleError } from '../../io/sqlite-module-error.js';
import type { Context } from '../context.js';
import { type DoctorStrings, doctorStrings } from '../doctor-strings.js';
import { DataError, EXIT, UsageError } from '../errors.js';
import { makeChalk } from '../render/render.js';
import { VERSION } from '../version.js';

export interface DoctorOptions {
  lang?: string;
  db?: string;
  notes?: string;
  restore?: boolean;
}

interface Check {
  ok: boolean;
  lines: string[];
}

/** Backups made before migrations, newest first; a copy a kill left half-written (`.partial`) is none. */
export function backups(file: string): string[] {
  const dir = dirname(file);
  if (!existsSync(dir)) return [];
  const prefix = `${basename(file)}.backup-v`;
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && !f.endsWith(PARTIAL))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
}

function inspect(file: string, t: DoctorStrings): Check {
  if (!existsSync(file)) return { ok: true, lines: [t.notCreated] };
  let db: Database.Database | undefined;
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const ok = integrity.length === 1 && integrity[0] === 'ok';
    const lines = [
      t.size((statSync(file).size / 1024).toFixed(0), version, SCHEMA_VERSION, version > SCHEMA_VERSION),
      t.integrity(ok ? 'ok' : integrity.slice(0, 5).join('; ')),
    ];
    if (ok && version >= 1) {
      const count = (sql: string) => (db?.prepare(sql).get() as { n: number }).n;
      lines.push(
        t.contents(
          count('SELECT count(*) AS n FROM sessions'),
          count('SELECT count(*) AS n FROM answers'),
          version >= 2 ? count('SELECT count(*) AS n FROM cards') : null,
          count(`SELECT count(*) AS n FROM sessions WHERE kind = 'exam'`),
        ),
      );
    }
    return { ok: ok && version <= SCHEMA_VERSION, lines };
  } catch (err) {
    return { ok: false, lines: [t.unreadable(`${(err as Error).message} (${(err as { code?: string }).code ?? 'error'})`)] };
  } finally {
    db?.close();
  }
}

export async function run(opts: DoctorOptions, ctx: Context): Promise<number> {
  const t = doctorStrings(resolveLang(opts.lang, ctx.env));
  const c = makeChalk(ctx.stdout, ctx.env);
  const file = databasePath(opts.db, ctx.env);

  if (opts.restore) {
    const saved = backups(file);
    if (saved.length === 0) throw new UsageError(t.noBackup(file));
    // The newest backup that checks out; a damaged one is named and passed over, never restored.
    const skipped: string[] = [];
    const latest = saved.find((b) => {
      const problem = backupProblem(b);
      if (problem) skipped.push(t.skipped(b, problem));
      return problem === null;
    });
    if (skipped.length) ctx.stdout.write(`${skipped.join('\n')}\n`);
    if (!latest) throw new DataError(t.noSoundBackup(file));
    const aside = `${file}.broken-${ctx.now()}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
    }
    copyFileSync(latest, file);
    ctx.stdout.write(`${t.restored(latest, file, aside)}\n`);
  }

  const sqlite = sqliteVersion();
  const db: Check = sqlite instanceof Error ? { ok: false, lines: [t.sqliteMissing] } : inspect(file, t);
  const { deck, diagnostics, files } = loadDeck([
    { dir: shippedNotesDir(), shipped: true },
    ...userNotesDirs(opts.notes, ctx.env).map((dir) => ({ dir, shipped: false })),
  ]);
  const noteErrors = diagnostics.filter((d) => d.severity === 'error').length;
  const mark = (ok: boolean) => (ok ? c.green('✔') : c.red('✘'));

  const out = [
    `saa ${VERSION} · Node ${process.version} · SQLite ${sqlite instanceof Error ? t.notLoaded : sqlite}`,
    '',
    ...(sqlite instanceof Error ? [`${mark(false)} ${sqlite.message}`, ''] : []),
    `${mark(db.ok)} ${t.database(file)}`,
    ...db.lines.map((l) => `    ${l}`),
  ];
  const saved = backups(file);
  out.push(`    ${t.backups(saved.length === 0)}`);
  for (const b of saved.slice(0, 5)) out.push(`      ${b}`);
  out.push(
    '',
    `${mark(noteErrors === 0)} ${t.notes(files, deck.topics.length, deck.facts.length, noteErrors)}`,
    `    ${t.shipped} ${shippedNotesDir()}`,
    ...userNotesDirs(opts.notes, ctx.env).map((d) => `    ${t.yours} ${d}`),
  );
  if (!db.ok && saved.length) out.push('', t.restoreHint(opts.db ? ` --db ${opts.db}` : ''));
  ctx.stdout.write(`${out.join('\n')}\n`);
  if (sqlite instanceof Error) return EXIT.install;
  return db.ok ? EXIT.ok : EXIT.data;
}

/** The SQLite library's version, or why the native module cannot be loaded. */
function sqliteVersion(): string | Error {
  let db: Database.Database;
  try {
    db = openDatabase(':memory:');
  } catch (err) {
    const failure = asSqliteModuleError(err);
    if (failure) return failure;
    throw err;
  }
  try {
    return (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  } finally {
    db.close();
  }
}
