/**
 * A false statement made by swapping in a sibling's value is a giveaway when the two are
 * opposites ("Minimum capacity: the ceiling no scale-out can exceed") or steps of one scale
 * ("low" keyed false because the row says "lowest"): the first reads as self-contradictory,
 * the second as a quibble. Such swaps are not made; `notes check` points at columns that look
 * ranked so the writer can mark them (a ranked column is never swapped).
 */
import type { Localized } from '../types.js';

/** Opposite words, English and Korean; either side may be the fact's own. */
const OPPOSITES: [string, string][] = [
  ['minimum', 'maximum'],
  ['min', 'max'],
  ['lowest', 'highest'],
  ['low', 'high'],
  ['lower', 'upper'],
  ['floor', 'ceiling'],
  ['inbound', 'outbound'],
  ['ingress', 'egress'],
  ['stateful', 'stateless'],
  ['public', 'private'],
  ['synchronous', 'asynchronous'],
  ['horizontal', 'vertical'],
  ['increase', 'decrease'],
  ['strongly', 'eventually'],
  ['encrypt', 'decrypt'],
  ['allow', 'deny'],
  ['enabled', 'disabled'],
  ['internal', 'internet-facing'],
  ['cold', 'hot'],
  ['scale-in', 'scale-out'],
  ['최소', '최대'],
  ['최저', '최고'],
  ['낮음', '높음'],
  ['인바운드', '아웃바운드'],
  ['퍼블릭', '프라이빗'],
  ['동기', '비동기'],
  ['수평', '수직'],
];

const words = (t: string) => t.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? [];

/** The word without a comparative or superlative ending: "lowest", "lower" → "low". */
const base = (w: string) => (w.length > 5 && /est$/.test(w) ? w.slice(0, -3) : w.length > 4 && /er$/.test(w) ? w.slice(0, -2) : w);

/** How two texts differ when they differ in one word only: by opposites, by steps of one scale, or otherwise. */
function difference(a: string, b: string): 'opposite' | 'step' | null {
  const wa = words(a);
  const wb = words(b);
  if (wa.length !== wb.length || wa.length === 0) return null;
  const diffs = wa.flatMap((w, i) => (w === wb[i] ? [] : [[w, wb[i] ?? ''] as const]));
  if (diffs.length !== 1) return null;
  const [x, y] = diffs[0] as readonly [string, string];
  if (OPPOSITES.some(([p, q]) => (x === p && y === q) || (x === q && y === p))) return 'opposite';
  return base(x) === base(y) ? 'step' : null;
}

const inEither = (a: Localized, b: Localized, test: (x: string, y: string) => boolean) =>
  (['en', 'ko'] as const).some((l) => {
    const x = a[l];
    const y = b[l];
    return x !== undefined && y !== undefined && test(x, y);
  });

/** Names that are opposites or steps of one scale ("Minimum capacity" and "Maximum capacity"): one's description under the other's name contradicts itself. */
export const oppositeNames = (own: Localized, other: Localized): boolean => inEither(own, other, (x, y) => difference(x, y) !== null);

/** Values that are steps of one scale ("low" and "lowest"): keying one false because the row says the other is a quibble. */
export const scaleSteps = (own: Localized, other: Localized): boolean => inEither(own, other, (x, y) => difference(x, y) === 'step');

/** Values that read as a scale ("low", "lowest", "high", "highest"): the hint that a column is ranked. */
export function looksRanked(values: readonly string[]): boolean {
  const ws = [...new Set(values.map((v) => v.toLowerCase().trim()))];
  return ws.filter((a) => ws.some((b) => a !== b && difference(a, b) !== null)).length >= 3;
}
