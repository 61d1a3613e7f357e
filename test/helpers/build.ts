/** Builds dist/ once per test run, so CLI tests always exercise the current source. */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/tsup/dist/cli-default.js'], { stdio: 'pipe' });
}
