/**
 * The CLI entry: the real process as the context of one command line. `saa --version` and
 * `saa --help` are answered before anything else loads (the help text is written at build time
 * from the program itself); every other command line goes to commander.
 */
import { readFileSync } from 'node:fs';

// Read here rather than from version.ts: one module fewer to load on the fastest path.
declare const __SAA_VERSION__: string;
const VERSION: string = typeof __SAA_VERSION__ === 'string' ? __SAA_VERSION__ : '0.0.0-dev';

const args = process.argv.slice(2);

function fastPath(): string | null {
  const [only, ...rest] = args;
  if (rest.length > 0) return null;
  if (only === '--version' || only === '-V') return `${VERSION}\n`;
  if (only === '--help' || only === '-h') {
    try {
      return readFileSync(new URL('./help.txt', import.meta.url), 'utf8');
    } catch {
      return null;
    }
  }
  return null;
}

const quick = fastPath();
if (quick !== null) process.stdout.write(quick);
else await (await import('./main-full.js')).main(args);
