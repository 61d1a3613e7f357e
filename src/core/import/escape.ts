/**
 * Makes imported text inert in a note line. The note format has no escape character (only `\|`
 * in tables), so each marker the parser looks for is broken with U+2060 WORD JOINER: it has no
 * width and no glyph, so the text reads the same on a terminal and on GitHub, while ` // ` no
 * longer splits off Korean, `{#…}` no longer reads as an id, `**` no longer closes a term, a
 * trailing `#word` no longer becomes a tag and `{{…}}` no longer becomes a cloze blank.
 */

export const WORD_JOINER = '\u2060';
const WJ = WORD_JOINER;

/** Replaces until none is left: breaking one ` // ` can leave a new one beside it (` // // `). */
function breakAll(text: string, marker: string, broken: string): string {
  let s = text;
  while (s.includes(marker)) s = s.split(marker).join(broken);
  return s;
}

/** Text anywhere inside a fact or heading line. */
export function escapeText(text: string): string {
  let s = breakAll(text, ' // ', ` /${WJ}/ `);
  s = breakAll(s, ' => ', ` =${WJ}> `);
  s = breakAll(s, '**', `*${WJ}*`);
  // Braces: attribute blocks `{#key}` and cloze blanks `{{…}}` (a lone brace next to a blank too).
  s = s.replace(/\{/g, `{${WJ}`).replace(/\}/g, `${WJ}}`);
  // A word that looks like a tag (`#storage`) would be taken off the end of the line.
  return s.replace(/(^|\s)#(?=[a-z])/g, `$1#${WJ}`);
}

/**
 * The start of a bullet whose kind comes from its first characters (a cloze sentence): text that
 * begins like another kind's marker (`[T] `, `? `, `Q: `, `need: `) would be read as that kind.
 */
export function escapeLineStart(text: string): string {
  return /^(?:\[[TF]\]|\?|Q:|need:)/.test(text) ? `${text.charAt(0)}${WJ}${text.slice(1)}` : text;
}

/** A cloze answer: braces cannot stand inside `{{…}}` at all, so they become full-width ones. */
export function escapeBlank(text: string): string {
  return escapeText(text.replace(/\{/g, '｛').replace(/\}/g, '｝'));
}

/** A one-line YAML double-quoted string: JSON's escapes are YAML's, and `&`/`*` are escaped too, since the note reader refuses lines that look like YAML anchors or aliases. */
export function yamlString(text: string): string {
  return JSON.stringify(text).replace(/&/g, '\\u0026').replace(/\*/g, '\\u002a');
}
