/** What the learner sees after an answer and at the end of a quiz. */
import type { ChalkInstance } from 'chalk';
import { factSummary } from '../core/phrases.js';
import type { Outcome, Summary } from '../core/session.js';
import { pick } from '../core/text.js';
import type { Deck, Lang } from '../core/types.js';
import { clean } from './render.js';
import type { Strings } from './strings.js';

export function sourceSummary(deck: Deck, factId: string | null | undefined, lang: Lang): string | null {
  const fact = factId ? deck.factsById.get(factId) : undefined;
  return fact ? clean(pick(factSummary(deck, fact), lang)) : null;
}

export function feedback(deck: Deck, o: Outcome, lang: Lang, s: Strings, c: ChalkInstance): string {
  const q = o.question;
  const right = q.options[q.answer];
  const lines: string[] = [];
  const mark = o.correct ? c.green(`✔ ${s.correct}`) : c.red(`✘ ${s.wrong}`);
  lines.push(`${mark} — ${s.answerIs}: ${c.bold(clean(pick(right?.text ?? {}, lang)))}`);
  lines.push(`  ${c.cyan('=')} ${clean(pick(q.explanation, lang))}`);
  if (!o.correct) {
    const chosen = q.options[o.chosen];
    const source = chosen && chosen.source !== q.factId ? sourceSummary(deck, chosen.source, lang) : null;
    if (source) lines.push(`  ${c.yellow('↳')} ${s.yourChoice}: ${source}`);
  }
  if (q.swappedFrom) {
    const swapped = sourceSummary(deck, q.swappedFrom, lang);
    if (swapped) lines.push(`  ${c.yellow('↳')} ${s.swapped}: ${swapped}`);
  }
  return `${lines.join('\n')}\n`;
}

export function summary(sum: Summary, lang: Lang, s: Strings, c: ChalkInstance): string {
  const lines = ['', c.bold(s.summaryTitle), s.score(sum.correct, sum.answered, sum.percent)];
  if (sum.missed.length === 0) {
    if (sum.answered > 0) lines.push(c.green(s.noneMissed));
  } else {
    lines.push('', c.bold(s.missed));
    for (const o of sum.missed) lines.push(`  • ${clean(pick(o.question.explanation, lang))}`);
  }
  return `${lines.join('\n')}\n`;
}
