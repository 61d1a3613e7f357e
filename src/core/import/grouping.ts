/**
 * Which group each imported card joins. A term question takes its wrong options from the
 * term's group, and a group needs three terms, so cards are grouped by what the learner already
 * grouped them by: their Anki deck below the common root (AWS::S3, AWS::EC2 → "S3", "EC2"),
 * else their first tag, else all in one group. Terms of a group too small to ask are moved to
 * one "Other cards" group (or, if that is still too small, into the largest group). The result
 * depends only on the cards, so the same file always gives the same groups and fact ids; a
 * group's id comes from its label, never from the topic's title.
 */
import { slugify } from '../text.js';

export interface Groupable {
  deck?: string;
  tags: string[];
  kind: string;
}

export interface PlannedGroup {
  id: string;
  title: string;
  /** Indexes into the card list, in order. */
  members: number[];
}

const MIN_TERMS = 3;
/** The most cards one group holds (see `chunked`). */
const CHUNK = 100;
const levels = (deck: string) => deck.split('::').map((s) => s.trim());

/** The deck levels every card shares, or the ones `root` names (`--deck`). */
function commonRoot(decks: string[][]): number {
  if (decks.length === 0) return 0;
  let n = Math.min(...decks.map((d) => d.length));
  const first = decks[0] as string[];
  for (const d of decks) while (n > 0 && d.slice(0, n).join('::') !== first.slice(0, n).join('::')) n--;
  return n;
}

/** Each card's label (its deck below the shared root, else its first tag), or null for the one common group. */
function labelsOf(cards: readonly Groupable[]): (string | null)[] {
  const decks = cards.map((c) => (c.deck ? levels(c.deck) : []));
  const withDeck = decks.filter((d) => d.length > 0);
  const root = commonRoot(withDeck);
  const deckLabels = decks.map((d) => (d.length > root ? d.slice(root).join(' › ') : null));
  if (new Set(deckLabels).size > 1) return deckLabels;
  if (withDeck.length === 0) {
    const tagLabels = cards.map((c) => c.tags[0] ?? null);
    if (new Set(tagLabels).size > 1) return tagLabels;
  }
  return cards.map(() => null);
}

interface Draft {
  /** The base of the group id: never the title, so that --title does not change fact ids. */
  base: string;
  title: string;
  members: number[];
}

/**
 * A group of more than CHUNK cards is split into parts of CHUNK, in card order: a question draws
 * its wrong options from the group, and a group of thousands makes `notes check` slow. New
 * cards come last in a file and in an Anki collection, so adding cards leaves the earlier
 * parts, and their fact ids, as they were. A part with one or two terms gives them to a neighbour.
 */
function chunked(g: Draft, isTerm: (i: number) => boolean): Draft[] {
  if (g.members.length <= CHUNK) return [g];
  const parts: Draft[] = [];
  for (let k = 0; k * CHUNK < g.members.length; k++) {
    const members = g.members.slice(k * CHUNK, (k + 1) * CHUNK);
    parts.push({ base: k === 0 ? g.base : `${g.base}-${k + 1}`, title: k === 0 ? g.title : `${g.title} (${k + 1})`, members });
  }
  parts.forEach((part, k) => {
    const terms = part.members.filter(isTerm);
    const neighbour = parts[k === 0 ? 1 : k - 1];
    if (terms.length === 0 || terms.length >= MIN_TERMS || !neighbour) return;
    neighbour.members = [...neighbour.members, ...terms].sort((a, b) => a - b);
    part.members = part.members.filter((i) => !isTerm(i));
  });
  return parts;
}

/** `include[i]` false leaves card i out (skipped); the groups hold the rest. */
export function planGroups(cards: readonly Groupable[], include: readonly boolean[], fallbackTitle: string): PlannedGroup[] {
  const labels = labelsOf(cards);
  const byLabel = new Map<string | null, number[]>();
  cards.forEach((_, i) => {
    if (!include[i]) return;
    const label = labels[i] ?? null;
    const members = byLabel.get(label);
    if (members) members.push(i);
    else byLabel.set(label, [i]);
  });
  const isTerm = (i: number) => cards[i]?.kind === 'term';
  const groups: Draft[] = [...byLabel].map(([label, members]) => ({
    base: label === null ? 'cards' : slugify(label) || 'cards',
    title: label ?? fallbackTitle,
    members,
  }));
  const other: Draft = { base: 'more', title: groups.length > 1 ? 'Other cards' : fallbackTitle, members: [] };
  for (const g of groups) {
    const terms = g.members.filter(isTerm);
    if (terms.length > 0 && terms.length < MIN_TERMS) {
      other.members.push(...terms);
      g.members = g.members.filter((i) => !isTerm(i));
    }
  }
  const termCount = (g: Draft) => g.members.filter(isTerm).length;
  if (other.members.length > 0 && other.members.length < MIN_TERMS) {
    const largest = groups.reduce<Draft | null>((best, g) => (termCount(g) > (best ? termCount(best) : 0) ? g : best), null);
    if (largest) {
      largest.members.push(...other.members);
      other.members = [];
    }
  }
  const all = [...groups, other].filter((g) => g.members.length > 0);
  for (const g of all) g.members.sort((a, b) => a - b);
  const used = new Set<string>();
  return all
    .flatMap((g) => chunked(g, isTerm))
    .filter((g) => g.members.length > 0)
    .map((g) => {
      let id = g.base;
      for (let n = 2; used.has(id); n++) id = `${g.base}-${n}`;
      used.add(id);
      return { id, title: g.title, members: g.members };
    });
}

/** How many term cards a group holds too few of to be asked (the writer leaves them out). */
export function tooFewTerms(group: PlannedGroup, cards: readonly Groupable[]): number[] {
  const terms = group.members.filter((i) => cards[i]?.kind === 'term');
  return terms.length > 0 && terms.length < MIN_TERMS ? terms : [];
}
