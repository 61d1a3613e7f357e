import { readFileSync, rmSync } from 'node:fs';
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
  // Dependencies are bundled (fewer files to resolve and load at start-up); the native SQLite
  // addon stays external (named, since as an optional dependency tsup would bundle its JS and
  // break how it finds its compiled file).
  noExternal: [/^(?!better-sqlite3$)/],
  external: ['better-sqlite3'],
};

export default defineConfig([
  {
    ...common,
    // cli.js answers --help and --version and hands everything else to saa.cjs; lib.js serves
    // `npm run bench`, which times the core and the store without the CLI around them.
    entry: { cli: 'src/cli/main.ts', lib: 'src/lib.ts' },
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
    // only when its command is imported.
    entry: { saa: 'src/cli/main-full.ts' },
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    splitting: false,
    // import.meta.url (where the shipped notes and the SQLite module are) from __filename.
    shims: true,
  },
]);
