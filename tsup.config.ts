import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// The two builds below run side by side, so neither may clean the folder the other writes to.
rmSync('dist', { recursive: true, force: true });

const common: Options = {
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  clean: false,
  sourcemap: true,
  dts: false,
  define: { __SAA_VERSION__: JSON.stringify(pkg.version) },
  // Dependencies are bundled (fewer files to resolve and load at start-up). In lib.js
  // better-sqlite3 stays external (named, since tsup would bundle an optional dependency's JS);
  // saa.cjs bundles it too, below.
  noExternal: [/^(?!better-sqlite3$)/],
  external: ['better-sqlite3'],
};

/**
 * esbuild escapes non-ASCII characters in strings but leaves those of regular expressions
 * (`/[가-힣]/u`), and one such character makes V8 read the whole bundle as a two-byte
 * string, about 1 ms more of every start. `\\uXXXX` means the same in a regular expression, with or
 * without the u flag, and in the comments where the rest of them are.
 */
function asciiOnly(text: string, file: string): string {
  if (/[\u{10000}-\u{10FFFF}]/u.test(text)) throw new Error(`${file}: a character outside the BMP cannot be escaped as \\uXXXX`);
  return text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The bundle as the function bundle-loader.ts runs (CommonJS's own wrapper, written into the
 * file): the loader then compiles the file's text as it is, where wrapping it at start-up made a
 * second copy of the source on every start.
 */
function wrapped(text: string): string {
  // The source map's comment stays the file's last line.
  const map = /\n\/\/# sourceMappingURL=[^\n]*\n?$/.exec(text);
  const body = map ? text.slice(0, map.index) : text;
  return `(function (exports, require, module, __filename, __dirname) {${body}\n})${map ? map[0] : ''}`;
}

export default defineConfig([
  {
    ...common,
    // lib.js serves `npm run bench` and the build scripts, which use the core and the store
    // without the CLI around them.
    entry: { lib: 'src/lib.ts' },
    format: ['esm'],
    splitting: true,
    // Bundled CommonJS code gets a real `require`, which refuses `esprima`: js-yaml 3 (under
    // gray-matter) loads that 300 KB parser for its !!js/function type, which the safe schema
    // gray-matter reads with never uses (about 20 ms). saa.cjs gets the same from its loader.
    banner: {
      js: [
        "import { createRequire as __saaCreateRequire } from 'node:module';",
        'const __saaRequire = __saaCreateRequire(import.meta.url);',
        "const require = Object.assign((id) => { if (id === 'esprima') throw new Error('esprima is not loaded'); return __saaRequire(id); }, __saaRequire);",
      ].join(' '),
    },
  },
  {
    ...common,
    // Every command in one CommonJS file, so that bundle-loader.ts can cache its compiled code
    // (Node 20 caches none for ES modules). Commands still load lazily: each module's code runs
    // only when its command is imported. The entry (cli.cjs: --help and --version, else the
    // loader) and the loader are CommonJS too: Node starts a CommonJS entry without its ES module
    // loader, about 4 ms sooner on every command, and requires a file faster than it imports one.
    entry: { saa: 'src/cli/main-full.ts', loader: 'src/cli/bundle-loader.ts', cli: 'src/cli/main.ts' },
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    splitting: false,
    // import.meta.url (where the shipped notes, the SQLite module and the files beside the bundle
    // are) from __filename, percent-encoded as Node encodes it (scripts/cjs-import-meta.mjs).
    inject: ['scripts/cjs-import-meta.mjs'],
    define: { ...common.define, 'import.meta.url': 'importMetaUrl' },
    // better-sqlite3's JavaScript too, so that its compiled code is cached with the rest; its
    // addon is loaded by path (io/sqlite.ts), so the bundle needs no help finding it.
    // Minified: half the source for V8 to hold on every start, which takes about 1 MB off a
    // quiz's peak memory. The source map keeps the names for debugging.
    minify: true,
    noExternal: [/./],
    external: [],
    onSuccess: async () => writeFileSync('dist/saa.cjs', wrapped(asciiOnly(readFileSync('dist/saa.cjs', 'utf8'), 'dist/saa.cjs'))),
  },
]);
