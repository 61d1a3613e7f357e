/** Seeded randomness: the only source of chance in the core, so `--seed` reproduces a session. */
import prand from 'pure-rand';

export interface Rng {
  /** Integer in [0, n). */
  int(n: number): number;
  /** Float in [0, 1). */
  float(): number;
}

/**
 * FNV-1a, 32-bit: turns a user's `--seed` string into a generator seed.
 * Hand-written because it is four lines and needs no library; it is not used for security.
 */
export function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * MurmurHash3's 32-bit finaliser: seeds that differ in a bit or two (1, 2, 3…) become unrelated,
 * so the generator's first draws (which decide option order) do not repeat across nearby seeds.
 */
function mix(h: number): number {
  let x = h >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) | 0;
}

export function createRng(seed: string | number): Rng {
  const g = prand.xoroshiro128plus(mix(typeof seed === 'number' ? seed | 0 : hashSeed(seed)));
  return {
    int(n) {
      if (n <= 1) return 0;
      return prand.unsafeUniformIntDistribution(0, n - 1, g);
    },
    float() {
      return prand.unsafeUniformIntDistribution(0, 2 ** 30 - 1, g) / 2 ** 30;
    },
  };
}

/** Fisher–Yates on a copy. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}
