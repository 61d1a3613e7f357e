/**
 * Which fact kind an imported card becomes, and its note line without the attribute block:
 * a cloze note → a cloze fact, a card answered "True"/"False" → a true/false statement, a card
 * saa itself exported from a scenario → a scenario, any other front/back → a term (asked both
 * ways, with the other cards of its group as wrong options). A card answered "Yes"/"No" is a
 * true/false statement too. Text is escaped here (escape.ts).
 */
import type { FactKind } from '../types.js';
import type { ImportCard, SkipReason } from './card.js';
import { escapeBlank, escapeLineStart, escapeText } from './escape.js';

/** A cloze sentence may hold at most this many blanks (kinds/cloze.ts); further deletions stay as text. */
const MAX_BLANKS = 12;

// `{{c1::answer}}` or `{{c1::answer::hint}}`; the answer ends at the first `::` or `}}`.
const DELETION = /\{\{c\d+::((?:(?!::|\}\})[\s\S])*)(?:::((?:(?!\}\})[\s\S])*))?\}\}/g;

export const hasClozeDeletion = (text: string): boolean => /\{\{c\d+::/.test(text);

export interface CardLine {
  kind: Extract<FactKind, 'term' | 'cloze' | 'statement' | 'scenario'>;
  /** The bullet's text after `- `, escaped. */
  body: string;
  /** Unescaped question and answer, for duplicates, keys and shared answers. */
  front: string;
  back: string;
}

/** Anki cloze text as a saa cloze line: each deletion's answer becomes a `{{blank}}`, hints are dropped. */
export function clozeLine(text: string): { body: string; plain: string } | null {
  let body = '';
  let plain = '';
  let blanks = 0;
  let from = 0;
  for (const m of text.matchAll(DELETION)) {
    const before = text.slice(from, m.index);
    const answer = (m[1] ?? '').trim();
    body += escapeText(before);
    plain += before;
    from = m.index + m[0].length;
    if (answer === '') continue;
    plain += answer;
    if (blanks < MAX_BLANKS) {
      body += `{{${escapeBlank(answer)}}}`;
      blanks++;
    } else body += escapeText(answer);
  }
  body += escapeText(text.slice(from));
  plain += text.slice(from);
  if (blanks === 0) return null;
  return { body: escapeLineStart(body.trim()), plain: plain.trim() };
}

// "True"/"False: why", and "Yes"/"No: why" (a yes/no question asks as true or false just as well).
const TRUE_FALSE = /^(true|false|yes|no|참|거짓|예|네|아니요|아니오)\s*(?:[.:：,]\s*(.*))?$/i;
const TRUE_FALSE_STEM = /^(?:true or false\s*[?:]?|참인가, 거짓인가\s*\??)\s*/i;
const SCENARIO_STEM = /^(?:Which AWS service or feature fits best\?|가장 알맞은 AWS 서비스 또는 기능은\?)\s*/;
const NO_CORRECTION = 'False as stated (the imported card gives no correction).';

export function cardLine(card: ImportCard): CardLine | SkipReason {
  const empty = (): SkipReason => (card.media || card.front !== '' ? 'media-only' : 'empty-front');
  if (card.cloze) {
    // Image occlusion notes are cloze notes whose deletions are shapes on a picture.
    if (card.front === '' || /\{\{c\d+::image-occlusion:/.test(card.front)) return empty();
    const c = clozeLine(card.front);
    return c ? { kind: 'cloze', body: c.body, front: c.plain, back: '' } : 'no-cloze';
  }
  if (card.front === '') return empty();
  if (card.back === '') return card.media ? 'media-only' : 'empty-back';
  const tf = TRUE_FALSE.exec(card.back);
  if (tf) {
    const claim = card.front.replace(TRUE_FALSE_STEM, '');
    if (claim === '') return 'empty-front';
    const truth = /^(true|yes|참|예|네)$/i.test(tf[1] ?? '');
    const correction = truth ? '' : ` => ${escapeText(tf[2]?.trim() || NO_CORRECTION)}`;
    return { kind: 'statement', body: `[${truth ? 'T' : 'F'}] ${escapeText(claim)}${correction}`, front: claim, back: card.back };
  }
  const scenario = SCENARIO_STEM.exec(card.front);
  if (scenario && card.front.length > scenario[0].length) {
    const situation = card.front.slice(scenario[0].length);
    return { kind: 'scenario', body: `? ${escapeText(situation)} => ${escapeText(card.back)}`, front: situation, back: card.back };
  }
  return { kind: 'term', body: `**${escapeText(card.front)}** :: ${escapeText(card.back)}`, front: card.front, back: card.back };
}
