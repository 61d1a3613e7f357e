/** In Korean mode no English sentence of the interface reaches the screen: help, doctor, notes check, stats, today, a quiz and the errors. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { doctorStrings } from '../../src/cli/doctor-strings.js';
import { examStrings } from '../../src/cli/exam-strings.js';
import { KO_HELP } from '../../src/cli/help-ko.js';
import { strings } from '../../src/cli/strings.js';
import { todayStrings } from '../../src/cli/today-strings.js';
import { runCli, useTempDir } from '../helpers/cli.js';
import { firstOptions, saa } from '../helpers/context.js';

/** Every fixed English sentence of the interface: the string tables' texts, filled with sample values, and the help's descriptions. */
function englishSentences(): string[] {
  const out = new Set<string>();
  const sample = (v: unknown): unknown[] => {
    if (typeof v === 'string') return [v];
    if (Array.isArray(v)) return v;
    if (typeof v === 'function') {
      try {
        return [v('x', 2, 3, 4, 5)];
      } catch {
        return [];
      }
    }
    if (v && typeof v === 'object') return Object.values(v);
    return [];
  };
  for (const table of [strings('en'), examStrings('en'), todayStrings('en'), doctorStrings('en')]) {
    for (const value of Object.values(table)) for (const s of sample(value)) if (typeof s === 'string') out.add(s);
  }
  for (const en of Object.keys(KO_HELP)) if (!/^\s{2}\S/.test(en)) out.add(en);
  // Whole phrases of English words only: a value like "x" or a bare number names nothing.
  return [...out]
    .flatMap((s) => s.split(/[\n:;.()]|x(?=\W)/))
    .map((s) => s.trim())
    .filter((s) => /^[A-Za-z][A-Za-z ,'"-]+[a-z]$/.test(s) && s.split(' ').length >= 3 && !s.startsWith('saa '));
}

describe('the Korean interface', () => {
  let dir = '';
  useTempDir((d) => (dir = d));
  const english = englishSentences();

  it('prints the Korean help on the fast path too (the built binary, no commander), by SAA_LANG or the locale', () => {
    for (const env of [{ SAA_LANG: 'ko' }, { LANG: 'ko_KR.UTF-8', SAA_LANG: undefined }]) {
      const r = runCli(['--help'], { env });
      expect(r.stdout).toMatch(/^사용법: saa/);
      expect(r.stdout).toContain('오늘 공부할 것');
    }
    expect(runCli(['--help'], { env: { SAA_LANG: 'en' } }).stdout).toMatch(/^Usage: saa/);
  });

  it('knows enough English sentences to check against', () => {
    expect(english.length).toBeGreaterThan(120);
  });

  it('shows none of them in help, doctor, notes check, stats, today, topics, a quiz and the errors', async () => {
    const env = { SAA_DB: join(dir, 'saa.db'), SAA_LANG: 'ko' };
    const runs = [
      await saa(['--help'], { env }),
      await saa(['quiz', '--help'], { env }),
      await saa(['exam', '--help'], { env }),
      await saa(['quiz', '--topic', 's3', '--count', '3', '--style', 'fact', '--seed', 'ko-ui'], { env, answers: [firstOptions, firstOptions, firstOptions] }),
      await saa(['doctor'], { env }),
      await saa(['notes', 'check'], { env }),
      await saa(['stats'], { env }),
      await saa(['today'], { env, tty: false }),
      await saa(['topics'], { env }),
      await saa(['questions', '--topic', 'nope'], { env }),
      await saa(['quiz', '--count', 'abc'], { env }),
      await saa(['quiz', '--bogus'], { env }),
      await saa(['stats', '--db', dir], { env }),
    ];
    const screen = runs.map((r) => r.stdout + r.stderr).join('\n');
    expect(screen).toContain('사용법:');
    expect(screen).toContain('알 수 없는 토픽입니다');
    const leaked = english.filter((s) => screen.includes(s));
    expect(leaked).toEqual([]);
    // The same screens in English hold many of them: the check can see a leak.
    const enEnv = { ...env, SAA_LANG: 'en' };
    const en = [
      await saa(['--help'], { env: enEnv }),
      await saa(['quiz', '--help'], { env: enEnv }),
      await saa(['questions', '--topic', 'nope'], { env: enEnv }),
    ];
    expect(english.filter((s) => en.some((r) => (r.stdout + r.stderr).includes(s))).length).toBeGreaterThan(20);
  });
});
