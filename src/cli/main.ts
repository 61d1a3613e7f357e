/**
 * The CLI entry (dist/cli.cjs, which bin/saa.js requires): the real process as the context of one
 * command line. `saa --version` and `saa --help` are answered before anything else loads (the
 * help text is written at build time from the program itself); every other command line goes to
 * commander, in the bundle that bundle-loader.ts runs with its compiled code cached.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// Read here rather than from version.ts: one module fewer to load on the fastest path.
declare const __SAA_VERSION__: string;
const VERSION: string = typeof __SAA_VERSION__ === 'string' ? __SAA_VERSION__ : '0.0.0-dev';

const args = process.argv.slice(2);

function fastPath(): string | null {
  const [only, ...rest] = args;
  if (rest.length > 0) return null;
  if (only === '--version' || only === '-V') return `${VERSION}\n`;
  if (only === '--help' || only === '-h') {
    // The language rule of io/locale.ts, read here so that no other module loads.
    const env = process.env;
    const chosen =
      env.SAA_LANG === 'en' || env.SAA_LANG === 'ko' ? env.SAA_LANG : /^ko(_|\.|$)/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'ko' : 'en';
    try {
      return readFileSync(new URL(chosen === 'ko' ? './help-ko.txt' : './help.txt', import.meta.url), 'utf8');
    } catch {
      return null;
    }
  }
  return null;
}

const quick = fastPath();
if (quick !== null) process.stdout.write(quick);
// The loader is a file of its own (dist/loader.cjs), required only here: --help and --version never
// load it, nor the node:crypto and node:vm it uses. A failure to start is left unhandled, so Node
// prints it and exits with 1, as it would for a failed top-level await.
else void (createRequire(import.meta.url)('./loader.cjs') as typeof import('./bundle-loader.js')).runBundle(args, VERSION);
