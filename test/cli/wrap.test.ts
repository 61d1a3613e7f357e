/** The plain-text fast path of wrap: the same widths as string-width, the same lines as wrap-ansi. */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import wrapAnsi from 'wrap-ansi';
import { plainWidth, textWidth, wrap, wrapLine } from '../../src/cli/render/wrap.js';
import { createRng } from '../../src/core/random.js';

const PLAIN = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...'·–—…‘’“”•›❯←↑→↓',
  ...Array.from({ length: 0xd7a4 - 0xac00 }, (_, i) => String.fromCharCode(0xac00 + i)),
];

describe('plain text widths', () => {
  it('are string-width’s for every character of the fast path', () => {
    const wrong = PLAIN.filter((ch) => plainWidth(ch) !== stringWidth(ch));
    expect(wrong).toEqual([]);
  });

  it('leave anything else to string-width', () => {
    for (const s of ['\u001b[2mdim\u001b[22m', '✔ done', 'é', '日本', '\t', 'a\u0301', '👍']) {
      expect(plainWidth(s)).toBeNull();
      expect(textWidth(s)).toBe(stringWidth(s));
    }
    expect(textWidth('\u001b[1;32m가나 ab\u001b[39m')).toBe(stringWidth('\u001b[1;32m가나 ab\u001b[39m'));
  });
});

describe('plain text wrapping', () => {
  const rng = createRng('wrap');
  const alphabet = ['a', 'b', 'Z', '1', '-', '.', '·', '—', '가', '힣', '한', '❯'];
  const word = () => Array.from({ length: rng.int(14) }, () => alphabet[rng.int(alphabet.length)]).join('');
  const line = () => {
    const words = Array.from({ length: rng.int(12) }, word);
    // Runs of spaces, leading and trailing ones too.
    return words.map((w) => w + ' '.repeat(rng.int(3))).join(' ');
  };

  it('is wrap-ansi’s, line for line, over random lines and widths', () => {
    for (let i = 0; i < 3000; i++) {
      const text = i % 50 === 0 ? ' '.repeat(rng.int(4)) : line();
      const columns = 1 + rng.int(40);
      expect(wrapLine(text, columns), JSON.stringify({ text, columns })).toBe(wrapAnsi(text, columns, { hard: true, trim: true }));
    }
  });

  it('gives a coloured line back as wrap-ansi does, whether it fits or not', () => {
    const sgr = ['\u001b[2m', '\u001b[22m', '\u001b[1;32m', '\u001b[39m', '\u001b[0m'];
    for (let i = 0; i < 3000; i++) {
      const text = line()
        .split(' ')
        .map((w) => (rng.int(3) === 0 ? `${sgr[rng.int(sgr.length)]}${w}` : rng.int(4) === 0 ? `${w}${sgr[rng.int(sgr.length)]}` : w))
        .join(' ');
      const columns = 1 + rng.int(60);
      expect(wrapLine(text, columns), JSON.stringify({ text, columns })).toBe(wrapAnsi(text, columns, { hard: true, trim: true }));
    }
  });

  it('still wraps coloured and emoji text through wrap-ansi', () => {
    const text = '\u001b[2m[1/10] Amazon S3\u001b[22m ✔ which storage class fits 👍 best';
    expect(wrapLine(text, 12)).toBe(wrapAnsi(text, 12, { hard: true, trim: true }));
    expect(wrap('가나다 라마바 사아자 차카타 파하', 12, '❯ 1. ')).toBe('❯ 1. 가나다\n     라마바\n     사아자\n     차카타\n     파하');
  });
});
