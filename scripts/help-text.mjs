#!/usr/bin/env node
/**
 * Runs after the build: writes `saa --help` as commander prints it at 80 columns into
 * dist/help.txt and, in Korean, dist/help-ko.txt, which `saa --help` then prints without loading
 * commander (start-up time).
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
for (const [name, lang] of [
  ['help.txt', 'en'],
  ['help-ko.txt', 'ko'],
]) {
  const file = fileURLToPath(new URL(`../dist/${name}`, import.meta.url));
  // Without the file, `saa --help` goes through commander.
  rmSync(file, { force: true });
  const text = execFileSync(process.execPath, [cli, '--help'], { env: { ...process.env, COLUMNS: '80', SAA_LANG: lang }, encoding: 'utf8' });
  writeFileSync(file, text);
}
