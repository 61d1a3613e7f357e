/** Small text helpers shared by parsing, generation and validation. */
import type { Lang, Localized } from './types.js';

/** `S3 Standard-IA` → `s3-standard-ia`. Keeps Hangul so a Korean-only key still works. */
export function slugify(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\*\*|`/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

const normalized = new Map<string, string>();

/** Comparison form: case, width, spacing and trailing punctuation do not make two options different. */
export function normalize(text: string): string {
  let n = normalized.get(text);
  if (n === undefined) {
    // Option texts repeat across questions; the cache keeps comparisons cheap on big decks.
    if (normalized.size > 100_000) normalized.clear();
    n = computeNormalized(text);
    normalized.set(text, n);
  }
  return n;
}

function computeNormalized(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\*\*|`/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.。!?,;:]+$/u, '')
    .trim();
}

/** The text in `lang`, falling back to the other language when a note has only one. */
export function pick(text: Localized, lang: Lang): string {
  return text[lang] ?? text.en ?? text.ko ?? '';
}

/** True when two localized texts are the same in any language either of them has. */
export function sameText(a: Localized, b: Localized): boolean {
  for (const lang of ['en', 'ko'] as const) {
    const x = a[lang];
    const y = b[lang];
    if (x !== undefined && y !== undefined && normalize(x) === normalize(y)) return true;
  }
  // A one-language text against a two-language one: compare across what exists.
  const xs = [a.en, a.ko].filter((s): s is string => s !== undefined).map(normalize);
  const ys = [b.en, b.ko].filter((s): s is string => s !== undefined).map(normalize);
  return xs.some((x) => ys.includes(x));
}

/** The comparison forms of every language a text has: two texts sharing one are the same option. */
export function textKeys(text: Localized): string[] {
  const out: string[] = [];
  if (text.en !== undefined) out.push(normalize(text.en));
  if (text.ko !== undefined) out.push(normalize(text.ko));
  return out;
}
