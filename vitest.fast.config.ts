import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/**
 * The fast suite: core, io and the commands run in-process, with no build and no process or
 * pseudo-terminal started. `npm run test:fast` while developing; `npm test` runs everything.
 */
export default defineConfig({
  define: { __SAA_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: [
      'test/core/**/*.test.ts',
      'test/io/**/*.test.ts',
      'test/notes/**/*.test.ts',
      'test/cli/commands.test.ts',
      'test/cli/notes-check.test.ts',
      'test/cli/study-commands.test.ts',
    ],
    testTimeout: 20_000,
    pool: 'forks',
    // These tests share no module state that matters: one module cache per worker saves a
    // second of start-up per file.
    isolate: false,
    maxWorkers: 2,
    minWorkers: 1,
  },
});
