/**
 * An install whose native SQLite module is missing (--ignore-scripts, a failed compile): the
 * commands that need the history say so in one line with their own exit code and the fix, and
 * what needs no database still works.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQLITE_VERSION } from '../../src/io/sqlite-module-error.js';
import { Store } from '../../src/io/store.js';
import { cliEnv, tempDir } from '../helpers/cli.js';
import { programCopy } from '../helpers/program-copy.js';

const INSTALL = 4;
let root: string;
let home: { dir: string; cleanup: () => void };

function saa(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'saa.js'), ...args], {
    env: cliEnv({ HOME: home.dir, SAA_DB: join(home.dir, 'saa.db'), XDG_CACHE_HOME: join(home.dir, 'cache') }),
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('without the compiled SQLite module', () => {
  beforeAll(() => {
    root = programCopy({ addon: false });
    home = tempDir('saa-noaddon-');
    // A history made by a working install: every command that reads it now needs SQLite.
    Store.open(join(home.dir, 'saa.db')).close();
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    home.cleanup();
  });

  it.each([['topics'], ['stats'], ['exam', 'list']])('saa %s names the module and the fix, not the database', (...args) => {
    const r = saa(args);
    expect(r.code).toBe(INSTALL);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^saa: the SQLite module \(better-sqlite3\) is missing or did not build: its compiled file better_sqlite3\.node was not found\./);
    expect(r.stderr).toContain(`Run "npm rebuild better-sqlite3" in ${root} (`);
    expect(r.stderr).not.toMatch(/history database|unexpected error|\n\s+at /);
  });

  it('saa doctor reports it as its own failure and still checks the notes', () => {
    const r = saa(['doctor']);
    expect(r.code).toBe(INSTALL);
    expect(r.stdout).toMatch(/SQLite not loaded/);
    expect(r.stdout).toMatch(/✘ the SQLite module \(better-sqlite3\) is missing or did not build/);
    expect(r.stdout).toMatch(/✔ notes: \d+ files, 20 topics/);
    expect(r.stdout + r.stderr).not.toMatch(/unexpected error/);
  });

  it('commands that need no history still work', () => {
    expect(saa(['--version']).code).toBe(0);
    const q = saa(['questions', '--topic', 's3', '--count', '2', '--json']);
    expect(q.code).toBe(0);
    expect(JSON.parse(q.stdout)).toHaveLength(2);
    expect(saa(['notes', 'check']).stdout).toMatch(/0 error\(s\)/);
  });
});

describe('without the SQLite package at all', () => {
  beforeAll(() => {
    root = programCopy({ addon: false });
    // npm removes an optional dependency whose build failed, so nothing of it is left.
    rmSync(join(root, 'node_modules', 'better-sqlite3'), { recursive: true, force: true });
    home = tempDir('saa-nopkg-');
    Store.open(join(home.dir, 'saa.db')).close();
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    home.cleanup();
  });

  it('names the package as missing and the install that brings it back', () => {
    const r = saa(['topics']);
    expect(r.code).toBe(INSTALL);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^saa: the SQLite module \(better-sqlite3\) is missing or did not build: the package is not installed\./);
    expect(r.stderr).toContain(`Run "npm install better-sqlite3@${SQLITE_VERSION}" in ${root} (`);
    expect(saa(['notes', 'check']).code).toBe(0);
  });
});

describe('a checkout that was never built', () => {
  it('says in one line how to build it, with no stack trace', () => {
    root = programCopy({ addon: true });
    home = tempDir('saa-unbuilt-');
    try {
      rmSync(join(root, 'dist'), { recursive: true, force: true });
      const r = saa(['quiz', '--topic', 's3']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('saa: this copy is not built yet: run `npm ci` (or `npm run build`) in its folder first\n');
      expect(r.stdout).toBe('');
    } finally {
      rmSync(root, { recursive: true, force: true });
      home.cleanup();
    }
  });
});
