import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  // lib.js serves `npm run bench`, which times the core and the store without the CLI around them.
  entry: { cli: 'src/cli/main.ts', lib: 'src/lib.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  clean: true,
  // Split chunks so each command module loads only when its command runs.
  splitting: true,
  sourcemap: true,
  dts: false,
  define: { __SAA_VERSION__: JSON.stringify(pkg.version) },
  // The top-level help, printed by `saa --help` without loading commander.
  onSuccess: 'node scripts/help-text.mjs',
  // Dependencies are bundled (fewer files to resolve and load at start-up); the native SQLite
  // addon stays external (named, since as an optional dependency tsup would bundle its JS and
  // break how it finds its compiled file). Bundled CommonJS code gets a real `require`, which
  // refuses `esprima`: js-yaml 3 (under gray-matter) loads that 300 KB parser at start-up for its
  // !!js/function type, which the safe schema gray-matter reads with never uses (about 20 ms).
  noExternal: [/^(?!better-sqlite3$)/],
  external: ['better-sqlite3'],
  banner: {
    js: [
      "import { createRequire as __saaCreateRequire } from 'node:module';",
      'const __saaRequire = __saaCreateRequire(import.meta.url);',
      "const require = Object.assign((id) => { if (id === 'esprima') throw new Error('esprima is not loaded'); return __saaRequire(id); }, __saaRequire);",
    ].join(' '),
  },
});
