/**
 * Which group each imported card joins. A term question takes its wrong options from the
 * term's group, and a group needs three terms, so cards are grouped by what the learner already
 * grouped them by: their Anki deck below the common root (AWS::S3, AWS::EC2 → "S3", "EC2"),
 * else their first tag, else all in one group. Terms of a group too small to ask are moved to
 * one "Other cards" group (or, if that is still too small, into the largest group). The result
 * depends only on the cards, so the same file always gives the same groups and fact ids.
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
const levels = (deck: string) => deck.split('::').map((s) => s.trim());

/** The deck levels every card shares, or the ones `root` names (`--deck`). */
function commonRoot(decks: string[][]): number {
  if (decks.length === 0) return 0;
  let n = Math.min(...decks.map((d) => d.length));
  const first = decks[0] as string[];
  for (const d of decks) while (n > 0 && d.slice(0, n).join('::') !== first.slice(0, n).join('::')) n--;
  return n;
}

function labelsOf(cards: readonly Groupable[], fallback: string): string[] {
  const decks = cards.map((c) => (c.deck ? levels(c.deck) : []));
  const withDeck = decks.filter((d) => d.length > 0);
  const root = commonRoot(withDeck);
  const deckLabels = decks.map((d) => (d.length > root ? d.slice(root).join(' › ') : ''));
  if (new Set(deckLabels).size > 1) return deckLabels.map((l) => l || fallback);
  if (withDeck.length === 0) {
    const tagLabels = cards.map((c) => c.tags[0] ?? '');
    if (new Set(tagLabels).size > 1) return tagLabels.map((l) => l || fallback);
  }
  return cards.map(() => fallback);
}

/** `include[i]` false leaves card i out (skipped); the groups hold the rest. */
export function planGroups(cards: readonly Groupable[], include: readonly boolean[], fallbackTitle: string): PlannedGroup[] {
  const labels = labelsOf(cards, fallbackTitle);
  const byLabel = new Map<string, number[]>();
  cards.forEach((_, i) => {
    if (!include[i]) return;
    const label = labels[i] as string;
    const members = byLabel.get(label);
    if (members) members.push(i);
    else byLabel.set(label, [i]);
  });
  const isTerm = (i: number) => cards[i]?.kind === 'term';
  const groups = [...byLabel].map(([title, members]) => ({ title, members }));
  const other = { title: groups.length > 1 ? 'Other cards' : fallbackTitle, members: [] as number[] };
  for (const g of groups) {
    const terms = g.members.filter(isTerm);
    if (terms.length > 0 && terms.length < MIN_TERMS) {
      other.members.push(...terms);
      g.members = g.members.filter((i) => !isTerm(i));
    }
  }
  const otherTerms = other.members.length;
  if (otherTerms > 0 && otherTerms < MIN_TERMS) {
    const largest = groups.reduce<(typeof groups)[number] | null>(
      (best, g) => (g.members.filter(isTerm).length > (best?.members.filter(isTerm).length ?? 0) ? g : best),
      null,
    );
    if (largest) {
      largest.members.push(...other.members);
      other.members = [];
    }
  }
  const all = [...groups, other].filter((g) => g.members.length > 0);
  for (const g of all) g.members.sort((a, b) => a - b);
  const used = new Set<string>();
  return all.map((g) => {
    const base = slugify(g.title) || 'cards';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return { id, title: g.title, members: g.members };
  });
}

/** How many term cards a group holds too few of to be asked (the writer leaves them out). */
export function tooFewTerms(group: PlannedGroup, cards: readonly Groupable[]): number[] {
  const terms = group.members.filter((i) => cards[i]?.kind === 'term');
  return terms.length > 0 && terms.length < MIN_TERMS ? terms : [];
}
