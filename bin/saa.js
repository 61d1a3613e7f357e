#!/usr/bin/env node
// The built entry only; a checkout that was never built (no `npm ci` yet) says so in one line.
import('../dist/cli.js').catch((err) => {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.url ?? '').endsWith('/dist/cli.js')) {
    process.stderr.write('saa: this copy is not built yet: run `npm ci` (or `npm run build`) in its folder first\n');
    process.exit(1);
  }
  throw err;
});
