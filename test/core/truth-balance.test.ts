/** The balance that keeps a mixed quiz's true/false keys near half true. */
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/core/questions/question.js';
import { TruthBalance } from '../../src/core/quiz.js';
import { createRng } from '../../src/core/random.js';

const tf = (answer: 0 | 1) => ({ format: 'tf', answer }) as Question;

describe('the true/false balance', () => {
  it('at a tie, takes every false statement but only about half of the true ones', () => {
    const rng = createRng('tie');
    let trueTaken = 0;
    for (let i = 0; i < 1000; i++) {
      const b = new TruthBalance();
      expect(b.fits(false, rng)).toBe(true);
      if (b.fits(true, rng)) trueTaken++;
    }
    expect(trueTaken).toBeGreaterThan(400);
    expect(trueTaken).toBeLessThan(600);
  });

  it('asks a generated statement false at a tie, and for the missing key after that', () => {
    const b = new TruthBalance();
    expect(b.want()).toBe(false);
    b.record(tf(1));
    expect(b.want()).toBe(true);
    b.record(tf(0));
    b.record(tf(0));
    expect(b.want()).toBe(false);
  });

  it('lets only the key that is behind through once the keys differ', () => {
    const rng = createRng('ahead');
    const b = new TruthBalance();
    b.record(tf(0));
    for (let i = 0; i < 50; i++) {
      expect(b.fits(true, rng)).toBe(false);
      expect(b.fits(false, rng)).toBe(true);
    }
  });
});
