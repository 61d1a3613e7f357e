/** A copy of the built program outside the checkout: its bundle, notes and the SQLite module's JS. */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './cli.js';

/**
 * World-readable, so an unprivileged user can run it wherever the checkout lives (a clone in a
 * 0700 folder). With `addon: false` the compiled better_sqlite3.node is left out, as after an
 * install with --ignore-scripts or a failed compile.
 */
export function programCopy(options: { addon: boolean }): string {
  const root = mkdtempSync(join(tmpdir(), 'saa-copy-'));
  chmodSync(root, 0o755);
  for (const part of ['bin', 'dist', 'notes', 'package.json', 'node_modules/bindings', 'node_modules/file-uri-to-path']) {
    cpSync(join(ROOT, part), join(root, part), { recursive: true });
  }
  const sqlite = 'node_modules/better-sqlite3';
  const parts = ['package.json', 'lib', ...(options.addon ? ['build/Release/better_sqlite3.node'] : [])];
  for (const part of parts) cpSync(join(ROOT, sqlite, part), join(root, sqlite, part), { recursive: true });
  spawnSync('chmod', ['-R', 'a+rX', root]);
  return root;
}
