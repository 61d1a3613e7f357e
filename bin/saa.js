#!/usr/bin/env node
// The built entry only. This file is CommonJS (bin/package.json): Node starts a CommonJS entry
// without its ES module loader, which is about 4 ms of every start. A checkout that was never
// built (no `npm ci` yet) says so in one line.
const entry = require('node:path').join(__dirname, '..', 'dist', 'cli.cjs');
try {
  require(entry);
} catch (err) {
  if (err?.code === 'MODULE_NOT_FOUND' && String(err.message).startsWith(`Cannot find module '${entry}'`)) {
    process.stderr.write('saa: this copy is not built yet: run `npm ci` (or `npm run build`) in its folder first\n');
    process.exit(1);
  }
  throw err;
}
