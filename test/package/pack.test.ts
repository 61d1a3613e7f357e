/**
 * The package as users get it: `npm pack`, then `npm install -g` into an empty prefix and `npx`
 * from the tarball. It compiles SQLite again (about a minute), so it runs when SAA_PACK_TEST=1
 * (as .ci/run sets) and is skipped otherwise.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cliEnv, tempDir } from '../helpers/cli.js';

const npm = (args: string[], cwd: string, env: NodeJS.ProcessEnv = cliEnv()) =>
  execFileSync('npm', args, { cwd, env: { ...env, npm_config_build_from_source: 'true', npm_config_audit: 'false', npm_config_fund: 'false' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe.skipIf(process.env.SAA_PACK_TEST !== '1')('the packed tarball', () => {
  let dir: string;
  let cleanup: () => void;
  let tarball: string;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir('saa-pack-'));
    npm(['pack', '--pack-destination', dir, '--silent'], ROOT);
    const file = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (!file) throw new Error('npm pack wrote no tarball');
    tarball = join(dir, file);
  }, 120_000);
  afterAll(() => cleanup());

  it('installs with npm install -g into an empty prefix and runs', () => {
    const prefix = join(dir, 'prefix');
    npm(['install', '-g', '--prefix', prefix, tarball], dir);
    const saa = join(prefix, 'bin', 'saa');
    expect(execFileSync(saa, ['--version'], { encoding: 'utf8', env: cliEnv() }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const qs = JSON.parse(execFileSync(saa, ['questions', '--topic', 's3', '--count', '2', '--json'], { encoding: 'utf8', env: cliEnv() }));
    expect(qs).toHaveLength(2);
    expect(execFileSync(saa, ['notes', 'check'], { encoding: 'utf8', env: cliEnv() })).toMatch(/0 error\(s\)/);
  }, 300_000);

  it('runs with npx from the tarball', () => {
    const out = npm(['exec', '--yes', '--package', tarball, '--', 'saa', '--version'], dir, cliEnv({ npm_config_cache: join(dir, 'npx-cache') }));
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  }, 300_000);
});
