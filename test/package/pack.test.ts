/**
 * The package as users get it: `npm pack`, then `npm install -g` into an empty prefix and `npx`
 * from the tarball. It compiles SQLite again (about a minute), so it runs when SAA_PACK_TEST=1
 * (as .ci/run sets) and is skipped otherwise.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/io/cache-files.js';
import { openSeed } from '../../src/io/notes-seed.js';
import { SQLITE_VERSION } from '../../src/io/sqlite-module-error.js';
import { Store } from '../../src/io/store.js';
import { cliEnv, ROOT, tempDir } from '../helpers/cli.js';

/** npm, asynchronously: a minute of compiling must not block the test worker's event loop. */
async function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv = cliEnv()): Promise<{ stdout: string; stderr: string }> {
  const env2 = { ...env, npm_config_audit: 'false', npm_config_fund: 'false' };
  return promisify(execFile)('npm', args, { cwd, env: env2, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

describe.skipIf(process.env.SAA_PACK_TEST !== '1')('the packed tarball', () => {
  let dir: string;
  let cleanup: () => void;
  let tarball: string;
  let listing: string[];
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('saa-pack-'));
    await npm(['pack', '--pack-destination', dir, '--silent'], ROOT);
    const file = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (!file) throw new Error('npm pack wrote no tarball');
    tarball = join(dir, file);
    listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
  }, 120_000);
  afterAll(() => cleanup());

  it('pins the SQLite module the missing-module message names, as an optional dependency', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    // Optional: a failed compile leaves a working install that says what is missing, not a dangling bin link.
    expect(pkg.optionalDependencies['better-sqlite3']).toBe(SQLITE_VERSION);
    expect(pkg.dependencies['better-sqlite3']).toBeUndefined();
  });

  it('holds the licence and the build setting, and no source maps', () => {
    expect(listing).toContain('package/LICENSE');
    expect(listing).toContain('package/.prebuild-installrc');
    expect(listing.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(listing).toContain('package/dist/cli.cjs');
    expect(listing).toContain('package/bin/package.json');
  });

  it("holds the build's parse of the shipped notes, and not its compiled code, which fits only the bundle file it was made beside", () => {
    expect(listing).toContain('package/dist/notes-seed.json');
    expect(listing).toContain('package/dist/notes-seed.data');
    expect(listing).not.toContain('package/dist/code-seed.v8');
  });

  it('installs with npm install -g into an empty prefix, compiling SQLite from source, and runs', async () => {
    const prefix = join(dir, 'prefix');
    // No build-from-source setting from outside: the package's own .prebuild-installrc must stop the download.
    const install = await npm(['install', '-g', '--prefix', prefix, '--foreground-scripts', '--loglevel', 'info', tarball], dir);
    const log = install.stdout + install.stderr;
    expect(log).toContain('prebuild-install info install --build-from-source specified, not attempting download.');
    expect(log).not.toMatch(/Unknown (project|user) config/);
    const saa = join(prefix, 'bin', 'saa');
    expect(execFileSync(saa, ['--version'], { encoding: 'utf8', env: cliEnv() }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const qs = JSON.parse(execFileSync(saa, ['questions', '--topic', 's3', '--count', '2', '--json'], { encoding: 'utf8', env: cliEnv() }));
    expect(qs).toHaveLength(2);
    expect(execFileSync(saa, ['notes', 'check'], { encoding: 'utf8', env: cliEnv() })).toMatch(/0 error\(s\)/);
    // Installed elsewhere, the shipped notes are the ones the build parsed: a first start takes them all from the seed.
    const installed = join(prefix, 'lib', 'node_modules', 'saa');
    const { version } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { version: string };
    const seed = openSeed(join(installed, 'dist', 'notes-seed.json'), version);
    const notesDir = join(installed, 'notes');
    const files = readdirSync(notesDir)
      .filter((f) => /^\d+-.*\.md$/.test(f))
      .map((f) => ({ file: join(notesDir, f), sha256: sha256(readFileSync(join(notesDir, f))) }));
    expect(files).toHaveLength(20);
    expect(seed?.image(files)?.noteOf.size).toBe(20);
  }, 300_000);

  it('installs without a working compiler, and then names the missing module and its fix', async () => {
    const prefix = join(dir, 'prefix-nocc');
    // A compiler that always fails: better-sqlite3 (an optional dependency) does not build, npm leaves it out.
    const env = cliEnv({ CC: 'false', CXX: 'false' });
    await npm(['install', '-g', '--prefix', prefix, tarball], dir, env);
    const saa = join(prefix, 'bin', 'saa');
    expect(existsSync(join(prefix, 'lib', 'node_modules', 'saa', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))).toBe(false);
    expect(execFileSync(saa, ['--version'], { encoding: 'utf8', env: cliEnv() }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
    // A history made by a working install: reading it now needs SQLite.
    const db = join(dir, 'nocc.db');
    Store.open(db).close();
    const r = spawnSync(saa, ['topics'], { encoding: 'utf8', env: cliEnv({ SAA_DB: db }) });
    expect(r.status).toBe(4);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^saa: the SQLite module \(better-sqlite3\) is missing or did not build: /);
    expect(r.stderr).toMatch(/Run "npm (rebuild better-sqlite3|install better-sqlite3@\d+\.\d+\.\d+)" in /);
  }, 300_000);

  it('runs with npx from the tarball', async () => {
    // npx installs saa's dependencies beside it, out of reach of its .prebuild-installrc: the setting comes from the environment (README).
    const env = cliEnv({ npm_config_cache: join(dir, 'npx-cache'), npm_config_build_from_source: 'true' });
    const { stdout: out } = await npm(['exec', '--yes', '--package', tarball, '--', 'saa', '--version'], dir, env);
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  }, 300_000);
});
