import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  // store.js is built for `npm run bench`, which times answer commits without the CLI around them.
  entry: { cli: 'src/cli/main.ts', store: 'src/io/store.ts' },
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
});
