/**
 * Completion in the real shells, typed with Tab as a person does: bash, zsh (started without
 * compinit) and fish, each loading the script `saa completion <shell>` prints.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cliEnv, tempDir } from '../helpers/cli.js';
import { KEY, sleep, startProgram, type Terminal } from '../helpers/pty.js';

const SHELLS = {
  bash: { argv: ['--norc', '--noprofile', '-i'], load: (f: string) => `PS1='$ '; source ${f}` },
  // -f: no startup files, so compinit has not run; the script must load without it.
  zsh: { argv: ['-f', '-i'], load: (f: string) => `PS1='$ '; source ${f}` },
  fish: {
    argv: ['--no-config', '-i'],
    // Autosuggestions would show a completion before Tab is pressed; the test must see Tab's work.
    load: (f: string) => `set -g fish_autosuggestion_enabled 0; function fish_prompt; echo '$ '; end; source ${f}`,
  },
} as const;

const installed = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir('saa-complete-'));
  writeFileSync(join(dir, 'mydb.sqlite'), '');
});
afterAll(() => cleanup());

describe.each(Object.keys(SHELLS) as (keyof typeof SHELLS)[])('completion in %s', (shell) => {
  // CI installs all three (.ci/run); a machine without one skips its tests rather than failing.
  const run = installed(shell) || process.env.CI ? it : it.skip;
  let t: Terminal;

  beforeAll(async () => {
    if (!installed(shell)) return;
    const script = join(dir, `saa.${shell}`);
    writeFileSync(script, spawnSync(process.execPath, [BIN, 'completion', shell], { env: cliEnv(), encoding: 'utf8' }).stdout);
    t = startProgram(shell, [...SHELLS[shell].argv], { HOME: dir, TERM: 'xterm-256color' }, dir);
    await sleep(300);
    t.write(`${SHELLS[shell].load(script)}\r`);
    t.write('echo LOADED\r');
    await t.waitFor(/^LOADED$/m, 0, 15_000);
  }, 30_000);
  afterAll(() => t?.kill());

  /** Types `line`, presses Tab (twice where a list needs it), and returns the screen from there on. */
  let round = 0;
  async function tab(line: string, pattern: RegExp, tabs = 1): Promise<string> {
    // Clear the line, then wait until the shell has run a marker command: it has read everything
    // typed so far and shows a fresh prompt, however busy the machine is.
    // A shell may flush what was typed right after Ctrl-C, so the marker is typed again (after
    // another Ctrl-C) until it runs; input is read in order, so once it has run all is read.
    const cleared = t.text().length;
    round++;
    for (let attempt = 0; ; attempt++) {
      t.write(KEY.ctrlC);
      await sleep(100);
      const marker = `READY${round}x${attempt}`;
      t.write(`echo ${marker}\r`);
      try {
        await t.waitFor(new RegExp(`^${marker}\\s*$`, 'm'), cleared, 3_000);
        break;
      } catch (err) {
        if (attempt >= 5) throw err;
      }
    }
    await sleep(100);
    const from = t.text().length;
    t.write(line);
    await t.waitFor(new RegExp(line.slice(-4).replace(/[-.]/g, '\\$&')), from);
    for (let i = 0; i < tabs; i++) {
      t.write('\t');
      await sleep(150);
    }
    await t.waitFor(pattern, from, 10_000);
    return t.text().slice(from);
  }

  run('completes an option after another option and its value', async () => {
    expect(await tab('saa quiz --topic s3 --c', /--count/)).toContain('--count');
    expect(t.text()).not.toMatch(/command not found|compdef/);
  });

  run('completes a file name after --db', async () => {
    expect(await tab('saa quiz --db myd', /mydb\.sqlite/)).toContain('mydb.sqlite');
  });

  run('lists the values of --type', async () => {
    // bash lists on the second Tab; zsh and fish on the first (a second would pick one).
    const screen = await tab('saa quiz --type ', /mc\s+mixed\s+tf/, shell === 'bash' ? 2 : 1);
    expect(screen).toMatch(/mc\s+mixed\s+tf/);
  });
});
