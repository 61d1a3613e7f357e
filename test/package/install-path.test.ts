/**
 * A copy of the program in a folder whose path holds characters a file URL must encode (`#`
 * starts a fragment, `%` an escape): every part of it, the entry, the loader, the bundle, the
 * shipped notes and the SQLite module, is still found.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv } from '../helpers/cli.js';
import { programCopy } from '../helpers/program-copy.js';

let parent: string;
let root: string;

function saa(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'saa.js'), ...args], {
    env: cliEnv({ HOME: parent, SAA_DB: join(parent, 'saa.db'), XDG_CACHE_HOME: join(parent, 'cache') }),
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a copy of saa in a folder named "study #2 100% done"', () => {
  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), 'saa-path-'));
    root = join(parent, 'study #2 100% done');
    renameSync(programCopy({ addon: true }), root);
  });
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('answers --help from its build', () => {
    const r = saa(['--help']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Usage: saa/);
  });

  it('runs a command through the bundle, on its shipped notes', () => {
    const r = saa(['questions', '--topic', 's3', '--count', '2', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(2);
  });

  it('opens its history with the SQLite module beside it', () => {
    const r = saa(['stats']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
