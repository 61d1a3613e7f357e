/**
 * What the learner sees after an answer and at the end of a quiz: right or wrong, why the key
 * wins, and for every wrong option the reason it fails, wrapped to the terminal.
 */
import type { ChalkInstance } from 'chalk';
import type { Question } from '../../core/questions/question.js';
import type { Outcome, Summary } from '../../core/session.js';
import { pick } from '../../core/text.js';
import type { Lang } from '../../core/types.js';
import type { Strings } from '../strings.js';
import { clean } from './render.js';
import { wrap } from './wrap.js';

const text = (t: Parameters<typeof pick>[0], lang: Lang) => clean(pick(t, lang));
const REASON_INDENT = ' '.repeat(7);

/**
 * A table row as a sentence ("gp3 (Volume type) — Media: SSD · Max IOPS: 16,000 · …") reads as a
 * wall of fields; it is shown as its head and then one field a line, each wrapped under `indent`.
 */
function wrapFacts(sentence: string, width: number, first: string, indent: string): string {
  const m = /^(.*?) — ((?:[^·]+?: [^·]+ · )+[^·]+?: [^·]+)$/.exec(sentence);
  if (!m) return wrap(sentence, width, first, indent);
  const fields = (m[2] ?? '').split(' · ').map((f) => wrap(f, width, `${indent}  `));
  return [wrap(m[1] ?? '', width, first, indent), ...fields].join('\n');
}

/** The options of a question in the order they were shown, each marked right or wrong, with its reason. */
export function explainOptions(q: Question, chosen: readonly number[] | null, lang: Lang, s: Strings, c: ChalkInstance, width: number): string[] {
  const lines: string[] = [];
  for (const [i, o] of q.options.entries()) {
    const mine = chosen?.includes(i) === true;
    const mark = o.correct ? c.green('✔') : mine ? c.red('✘') : c.dim('·');
    const label = `${mark} ${i + 1}. `;
    // A fixed hanging indent: some terminals draw ✔ narrower than string-width counts it.
    lines.push(wrap(`${text(o.text, lang)}${mine ? c.dim(` (${s.yourPick})`) : ''}`, width, `  ${label}`, REASON_INDENT));
    const reason = text(o.reason, lang);
    // The key's row is laid out a field a line; a wrong option's stays one compact paragraph.
    if (reason) lines.push(c.dim(o.correct ? wrapFacts(reason, width, REASON_INDENT, REASON_INDENT) : wrap(reason, width, REASON_INDENT)));
  }
  return lines;
}

export function feedback(o: Outcome, lang: Lang, s: Strings, c: ChalkInstance, width: number): string {
  const q = o.question;
  const mark = o.correct ? c.green.bold(`✔ ${s.correct}`) : c.red.bold(`✘ ${s.wrong}`);
  if (q.format === 'tf') {
    const lines = [wrap(`${mark} — ${s.answerIs}: ${c.bold(text(q.options[q.answer]?.text ?? {}, lang))}`, width)];
    lines.push(wrapFacts(text(q.explanation, lang), width, `  ${c.cyan('=')} `, '    '));
    const wrongReason = q.options.find((x) => !x.correct)?.reason ?? {};
    if (q.swappedFrom && pick(wrongReason, lang) !== pick(q.explanation, lang)) lines.push(c.dim(wrap(text(wrongReason, lang), width, `  ${c.yellow('↳')} `)));
    return `${lines.join('\n')}\n`;
  }
  // Every option follows with its mark and reason, so the key needs no line of its own.
  return `${[mark, ...explainOptions(q, o.chosen, lang, s, c, width)].join('\n')}\n`;
}

export function summary(sum: Summary, lang: Lang, s: Strings, c: ChalkInstance, width: number): string {
  const lines = ['', c.bold(s.summaryTitle), s.score(sum.correct, sum.answered, sum.percent)];
  if (sum.missed.length === 0) {
    if (sum.answered > 0) lines.push(c.green(s.noneMissed));
  } else {
    lines.push('', c.bold(s.missed));
    for (const o of sum.missed) lines.push(wrapFacts(text(o.question.explanation, lang), width, '  • ', '    '));
  }
  return `${lines.join('\n')}\n`;
}
