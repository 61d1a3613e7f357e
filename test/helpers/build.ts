/** Builds dist/ once per test run (as `npm run build` does), so CLI tests always exercise the current source. */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/tsup/dist/cli-default.js'], { stdio: 'pipe' });
  execFileSync(process.execPath, ['scripts/help-text.mjs'], { stdio: 'pipe' });
  execFileSync(process.execPath, ['scripts/seed-caches.mjs'], { stdio: 'pipe' });
}
