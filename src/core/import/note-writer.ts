/**
 * Imported cards → the text of a topic note in the format of docs/note-format.md, with the line
 * of every fact so that the command can map a `notes check` problem back to its card.
 *
 * Fact ids are `topic.group.key`, and the key is written as `{#key}` on every line: from the
 * Anki note's guid when there is one (Anki keeps it across edits, so a card reworded in Anki
 * keeps its history here), else from the front's text as a term's key is (`slugify`).
 * Re-importing the same file therefore writes the same ids.
 */
import { normalize, slugify } from '../text.js';
import type { FactKind } from '../types.js';
import { type ImportCard, MAX_CARDS, type SkippedCard } from './card.js';
import { type CardLine, cardLine } from './card-kinds.js';
import { escapeText, yamlString } from './escape.js';
import { planGroups, tooFewTerms } from './grouping.js';
import { oneLine } from './html.js';

/** Room left under the 2 MiB a note may hold, for front matter, headings and attribute blocks. */
const MAX_CARD_BYTES = 1_700_000;
/** Names listed in one `avoid=`: enough for real shared answers, bounded so that lines stay readable. */
const MAX_AVOID = 25;

export interface NoteOptions {
  topicId: string;
  title: string;
  /** What the cards were read from, for the note's first paragraph: "deck.csv". */
  source: string;
  /** The command that wrote it: `saa import csv` / `saa import anki`. */
  command: string;
}

export interface WrittenFact {
  kind: FactKind;
  /** Index of its card in the input. */
  card: number;
  line: number;
}

export interface WrittenNote {
  text: string;
  facts: WrittenFact[];
  /** Heading line → the cards of that group (a problem reported on a heading concerns them all). */
  headings: Map<number, number[]>;
  skipped: SkippedCard[];
}

/** 64 bits of FNV-1a (two 32-bit lanes) in base 36: a short key that is the same for the same guid. */
export function shortHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x0100019d) >>> 0;
  }
  return a.toString(36).padStart(7, '0') + b.toString(36).padStart(7, '0');
}

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

/** Anki tags as note tags: `AWS::S3` → `aws-s3`; saa's own export tags (topic, domain, group) are dropped. */
export function noteTags(tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of tags) {
    const t = raw.startsWith('saa::tag::') ? raw.slice(10) : raw;
    if (t === 'saa' || t.startsWith('saa::')) continue;
    const slug = t
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^[^a-z]+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '');
    if (slug) out.add(slug);
    if (out.size >= 8) break;
  }
  return [...out];
}

/**
 * `drop` holds cards to leave out with their reason (the command's second pass, after `notes check`
 * found a fact that cannot be asked); everything else about the output follows from the cards.
 */
export function writeNote(cards: readonly ImportCard[], options: NoteOptions, drop: ReadonlyMap<number, SkippedCard> = new Map()): WrittenNote {
  // A title or file name may hold newlines and controls too: every line written is one line.
  const o = { ...options, title: oneLine(options.title) || options.topicId, source: oneLine(options.source) };
  const skipped: SkippedCard[] = [];
  const lines: (CardLine | null)[] = [];
  const seen = new Set<string>();
  let bytes = 0;
  let kept = 0;
  cards.forEach((card, i) => {
    const dropped = drop.get(i);
    const line = dropped ? dropped.reason : cardLine(card);
    if (typeof line === 'string') {
      skipped.push(dropped ?? { at: card.at, reason: line });
      lines.push(null);
      return;
    }
    const same = `${line.kind}\u0000${normalize(line.front)}\u0000${normalize(line.back)}`;
    // The line with its key, tags and a share of `avoid=` lists (build-note.ts checks the real size).
    const size = utf8Bytes(line.body) + card.tags.join(' ').length + 120;
    let reason: SkippedCard['reason'] | null = null;
    if (seen.has(same)) reason = 'duplicate';
    else if (kept >= MAX_CARDS || bytes + size > MAX_CARD_BYTES) reason = 'over-limit';
    if (reason) {
      skipped.push({ at: card.at, reason });
      lines.push(null);
      return;
    }
    seen.add(same);
    bytes += size;
    kept++;
    lines.push(line);
  });

  const groupable = cards.map((c, i) => ({ deck: c.deck, tags: noteTags(c.tags), kind: lines[i]?.kind ?? '' }));
  const groups = planGroups(
    groupable,
    lines.map((l) => l !== null),
    o.title,
  );
  for (const g of groups) {
    const few = new Set(tooFewTerms(g, groupable));
    for (const i of few) {
      skipped.push({ at: cards[i]?.at ?? 0, reason: 'too-few' });
      lines[i] = null;
    }
    g.members = g.members.filter((i) => !few.has(i));
  }

  const keys = assignKeys(cards, lines);
  const avoid = sharedAnswers(lines, keys);
  const out: string[] = [
    '---',
    `id: ${o.topicId}`,
    `title: ${yamlString(o.title)}`,
    'domains: [resilient]          # the exam domains these cards serve: secure, resilient, performant, cost',
    'aliases: []',
    '---',
    '',
    `# ${escapeText(o.title)}`,
    '',
    `Imported by \`${o.command}\` from ${escapeText(o.source)}. Each fact keeps its {#key} when the same`,
    'file is imported again with --force, so answers and review schedules stay with their cards.',
  ];
  const facts: WrittenFact[] = [];
  const headings = new Map<number, number[]>();
  for (const g of groups) {
    if (g.members.length === 0) continue;
    out.push('', `## ${escapeText(oneLine(g.title))} {#${g.id}}`, '');
    headings.set(out.length - 1, g.members);
    for (const i of g.members) {
      const line = lines[i] as CardLine;
      const attrs = avoid.get(i)?.length ? ` avoid="${avoid.get(i)?.join(', ')}"` : '';
      const tags = groupable[i]?.tags.map((t) => ` #${t}`).join('') ?? '';
      out.push(`- ${line.body} {#${keys[i]}${attrs}}${tags}`);
      facts.push({ kind: line.kind, card: i, line: out.length });
    }
  }
  return { text: `${out.join('\n')}\n`, facts, headings, skipped: skipped.sort((a, b) => a.at - b.at) };
}

/** One key per written card, unique in the note: `a…` from the guid, else the slug of the front. */
function assignKeys(cards: readonly ImportCard[], lines: readonly (CardLine | null)[]): string[] {
  const used = new Set<string>();
  return cards.map((card, i) => {
    const line = lines[i];
    if (!line) return '';
    const base = card.guid
      ? `a${shortHash(card.guid)}`
      : slugify(line.front).slice(0, 48).replace(/-+$/, '') || `c${shortHash(`${line.front}\u0000${line.back}`)}`;
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return key;
  });
}

/**
 * Terms that share an answer (two fronts with the back "Amazon S3") or a front: each would be a
 * right answer to the other's question, so each names the others in `avoid=` and is never
 * offered as their wrong option.
 */
function sharedAnswers(lines: readonly (CardLine | null)[], keys: readonly string[]): Map<number, string[]> {
  const clusters = new Map<string, number[]>();
  lines.forEach((l, i) => {
    if (l?.kind !== 'term') return;
    for (const k of [`b\u0000${normalize(l.back)}`, `f\u0000${normalize(l.front)}`]) {
      const members = clusters.get(k);
      if (members) members.push(i);
      else clusters.set(k, [i]);
    }
  });
  const out = new Map<number, string[]>();
  for (const members of clusters.values()) {
    if (members.length < 2) continue;
    for (const i of members) {
      const list = out.get(i) ?? [];
      for (const j of members) if (j !== i && list.length < MAX_AVOID && !list.includes(keys[j] as string)) list.push(keys[j] as string);
      out.set(i, list);
    }
  }
  return out;
}
