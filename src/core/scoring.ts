/**
 * Exam blueprint weights and the estimated scaled score. AWS does not publish how raw answers
 * map to its 100–1000 scale, so saa uses a documented, monotonic estimate: piecewise linear
 * through (0% → 100), (70% → 720, the pass mark) and (100% → 1000).
 */
import type { Domain } from './types.js';

/** SAA-C03 exam guide: share of scored content per domain. */
export const DOMAIN_WEIGHTS: Readonly<Record<Domain, number>> = {
  secure: 0.3,
  resilient: 0.26,
  performant: 0.24,
  cost: 0.2,
};

export const PASS_SCORE = 720;
export const PASS_RAW = 0.7;
/** Scored questions in a real sitting (the other 15 of 65 are unscored). */
export const SCORED_QUESTIONS = 50;

export function scaledScore(rawShare: number): number {
  const p = Math.max(0, Math.min(1, rawShare));
  const score = p <= PASS_RAW ? 100 + (p / PASS_RAW) * (PASS_SCORE - 100) : PASS_SCORE + ((p - PASS_RAW) / (1 - PASS_RAW)) * (1000 - PASS_SCORE);
  return Math.round(score);
}

export interface ScoreEstimate {
  /** Expected share of questions answered right. */
  raw: number;
  score: number;
  /** A 95% range for one sitting of SCORED_QUESTIONS questions. */
  low: number;
  high: number;
  pass: boolean;
}

/** Estimated score from a per-domain expected share of right answers. */
export function estimateScore(perDomain: Readonly<Record<Domain, number>>): ScoreEstimate {
  let raw = 0;
  for (const [d, w] of Object.entries(DOMAIN_WEIGHTS) as [Domain, number][]) raw += w * perDomain[d];
  const sd = Math.sqrt((raw * (1 - raw)) / SCORED_QUESTIONS);
  return {
    raw,
    score: scaledScore(raw),
    low: scaledScore(raw - 1.96 * sd),
    high: scaledScore(raw + 1.96 * sd),
    pass: scaledScore(raw) >= PASS_SCORE,
  };
}
