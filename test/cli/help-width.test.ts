/** Every command's help fits an 80-column terminal in both languages: prose wraps, example commands stay whole. */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { saa } from '../helpers/context.js';

const COMMANDS = [
  ['quiz'],
  ['review'],
  ['drill'],
  ['today'],
  ['exam'],
  ['exam', 'list'],
  ['exam', 'review'],
  ['stats'],
  ['topics'],
  ['questions'],
  ['doctor'],
  ['notes', 'check'],
  ['notes', 'new'],
  ['notes', 'show'],
  ['export', 'anki'],
  ['export', 'apkg'],
  ['export', 'json'],
  ['export', 'history'],
  ['import', 'history'],
  ['import', 'csv'],
  ['import', 'anki'],
  ['completion'],
];

describe('help at 80 columns', () => {
  it.each(['en', 'ko'])('has no line wider than the terminal (%s)', async (lang) => {
    const wide: string[] = [];
    for (const args of COMMANDS) {
      const r = await saa([...args, '--help', '--lang', lang], { columns: 80 });
      expect(r.code, args.join(' ')).toBe(0);
      for (const line of r.stdout.split('\n')) if (stringWidth(line) > 80) wide.push(`${args.join(' ')}: ${line}`);
    }
    expect(wide).toEqual([]);
  });
});
