/**
 * Inline syntax shared by every line of a note: `en // ko` pairs, trailing `#tags`, the
 * `{#key name=value}` attribute block. Each helper is linear in the line's length: notes are
 * untrusted input, and a long line must not take quadratic time.
 */
import type { Localized } from '../types.js';

/** Split `en // ko` on the first ` // `. */
export function splitLanguages(text: string): [string, string | undefined] {
  const at = text.indexOf(' // ');
  if (at < 0) return [text.trim(), undefined];
  return [text.slice(0, at).trim(), text.slice(at + 4).trim()];
}

/** Split `claim => correction` on the first ` => `. */
export function splitArrow(text: string): [string, string | undefined] {
  const at = text.indexOf(' => ');
  if (at < 0) return [text.trim(), undefined];
  return [text.slice(0, at).trim(), text.slice(at + 4).trim()];
}

const TAG = /^#[a-z][a-z0-9-]*$/;

/** Trailing ` #tag` words: one pass from the end over whitespace-separated words. */
export function takeTags(text: string): { text: string; tags: string[] } {
  const tags: string[] = [];
  let end = text.trimEnd().length;
  for (;;) {
    const space = text.lastIndexOf(' ', end - 1);
    const word = text.slice(space + 1, end);
    if (space < 0 || !TAG.test(word)) break;
    tags.push(word.slice(1));
    end = space;
    while (end > 0 && text[end - 1] === ' ') end--;
  }
  return { text: text.slice(0, end).trim(), tags: tags.reverse() };
}

export interface Attrs {
  /** The text before the block. */
  text: string;
  key?: string;
  /** `name=value` pairs after the key, in order; a bare flag has the value "". */
  values: Record<string, string>;
}

const KEY = /^[\p{L}\p{N}][\p{L}\p{N}-]*$/u;
// `name=value`, `name="a b"`, or a bare `name` (a flag such as `ranked`).
const PAIR = /^([a-z][a-z-]*)(?:=(?:"([^"]*)"|([^\s"}]+)))?\s*/;

/**
 * The attribute block `{#key a=b c="d e"}` at the end of the text (the last `{#`). A block that
 * does not parse is left in the text, so a stray brace never silently becomes an id.
 */
export function takeAttrs(text: string): Attrs {
  const at = text.lastIndexOf('{#');
  if (at < 0) return { text, values: {} };
  const close = text.indexOf('}', at);
  if (close < 0 || text.slice(close + 1).trim() !== '') return { text, values: {} };
  const inner = text.slice(at + 2, close);
  const space = inner.search(/\s/);
  const key = space < 0 ? inner : inner.slice(0, space);
  if (!KEY.test(key)) return { text, values: {} };
  const values: Record<string, string> = {};
  let rest = space < 0 ? '' : inner.slice(space).trimStart();
  while (rest) {
    const m = PAIR.exec(rest);
    if (!m) return { text, values: {} };
    values[m[1] as string] = m[2] ?? m[3] ?? '';
    rest = rest.slice(m[0].length);
  }
  return { text: text.slice(0, at).trimEnd(), key, values };
}

/** Attributes and tags in either order: `Title {#id} #tag` and `Title #tag {#id}`. */
export function takeAttrsAndTags(text: string): Attrs & { tags: string[] } {
  let attrs = takeAttrs(text);
  const tagged = takeTags(attrs.text);
  if (!attrs.key) {
    const inner = takeAttrs(tagged.text);
    if (inner.key) attrs = inner;
    return withTags(attrs, (inner.key ? inner.text : tagged.text).trim(), tagged.tags);
  }
  return withTags(attrs, tagged.text, tagged.tags);
}

/** The attributes with another text and the tags, built field by field (a `{ ...attrs }` spread gives each result a hidden class of its own). */
function withTags(attrs: Attrs, text: string, tags: string[]): Attrs & { tags: string[] } {
  const out: Attrs & { tags: string[] } = { text, values: attrs.values, tags };
  if (attrs.key !== undefined) out.key = attrs.key;
  return out;
}

export function loc(en: string | undefined, ko: string | undefined): Localized {
  const out: Localized = {};
  if (en !== undefined && en !== '') out.en = en;
  if (ko !== undefined && ko !== '') out.ko = ko;
  return out;
}

/** A cell or heading written `en // ko`, or one text for both languages. */
export function bothOrOne(text: string): Localized {
  const [en, ko] = splitLanguages(text);
  return loc(en, ko ?? en);
}

/** A comma-separated attribute value (`avoid="A, b-key"`) as a list. */
export const listOf = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
