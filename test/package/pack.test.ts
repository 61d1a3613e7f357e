/**
 * The package as users get it: `npm pack`, then `npm install -g` into an empty prefix and `npx`
 * from the tarball. It compiles SQLite again (about a minute), so it runs when SAA_PACK_TEST=1
 * (as .ci/run sets) and is skipped otherwise.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, ROOT, tempDir } from '../helpers/cli.js';

/** npm, asynchronously: a minute of compiling must not block the test worker's event loop. */
async function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv = cliEnv()): Promise<string> {
  const env2 = { ...env, npm_config_build_from_source: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
  const { stdout } = await promisify(execFile)('npm', args, { cwd, env: env2, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

describe.skipIf(process.env.SAA_PACK_TEST !== '1')('the packed tarball', () => {
  let dir: string;
  let cleanup: () => void;
  let tarball: string;
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('saa-pack-'));
    await npm(['pack', '--pack-destination', dir, '--silent'], ROOT);
    const file = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (!file) throw new Error('npm pack wrote no tarball');
    tarball = join(dir, file);
  }, 120_000);
  afterAll(() => cleanup());

  it('installs with npm install -g into an empty prefix and runs', async () => {
    const prefix = join(dir, 'prefix');
    await npm(['install', '-g', '--prefix', prefix, tarball], dir);
    const saa = join(prefix, 'bin', 'saa');
    expect(execFileSync(saa, ['--version'], { encoding: 'utf8', env: cliEnv() }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const qs = JSON.parse(execFileSync(saa, ['questions', '--topic', 's3', '--count', '2', '--json'], { encoding: 'utf8', env: cliEnv() }));
    expect(qs).toHaveLength(2);
    expect(execFileSync(saa, ['notes', 'check'], { encoding: 'utf8', env: cliEnv() })).toMatch(/0 error\(s\)/);
  }, 300_000);

  it('runs with npx from the tarball', async () => {
    const out = await npm(['exec', '--yes', '--package', tarball, '--', 'saa', '--version'], dir, cliEnv({ npm_config_cache: join(dir, 'npx-cache') }));
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  }, 300_000);
});
