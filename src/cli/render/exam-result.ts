/** An exam's result (score, time, per domain and topic) and one exam's questions walked with reasons. */
import type { ChalkInstance } from 'chalk';
import type { ExamResult } from '../../core/exam/state.js';
import { isCorrectChoice, type Question } from '../../core/questions/question.js';
import { pick } from '../../core/text.js';
import type { Lang } from '../../core/types.js';
import { clock, examStrings } from '../exam-strings.js';
import { strings } from '../strings.js';
import { clean } from './clean.js';
import { explainOptions } from './feedback.js';
import { bar, percent } from './render.js';
import { fitTable } from './table.js';
import { wrap } from './wrap.js';

export function renderResult(r: ExamResult, limitMs: number, lang: Lang, c: ChalkInstance, width = 80): string {
  const e = examStrings(lang);
  const names = strings(lang).domainNames;
  const share = (a: { questions: number; correct: number }) => (a.questions ? a.correct / a.questions : 0);
  const row = (label: string, a: { questions: number; correct: number }) => [
    label,
    String(a.questions),
    String(a.correct),
    `${bar(share(a))} ${percent(a.questions ? share(a) : null)}`,
  ];
  const out = [
    '',
    c.bold(e.resultTitle),
    r.pass ? c.green.bold(e.score(r.score, true)) : c.red.bold(e.score(r.score, false)),
    wrap(e.correct(r.correct, r.questions, r.unanswered), width),
    wrap(e.timeUsed(clock(r.usedMs), clock(limitMs)), width),
    c.dim(wrap(e.estimateNote, width)),
    '',
    fitTable(
      e.domainHeader,
      Object.entries(r.domains).map(([d, a]) => row(names[d] ?? d, a)),
      width,
      ['l', 'r', 'r', 'l'],
    ),
    '',
    fitTable(
      e.topicHeader,
      Object.entries(r.topics)
        .sort((a, b) => share(a[1]) - share(b[1]) || a[0].localeCompare(b[0]))
        .map(([t, a]) => row(t, a)),
      width,
      ['l', 'r', 'r', 'l'],
    ),
  ];
  return `${out.join('\n')}\n`;
}

/** One question of a finished exam: the prompt, every option with its reason, and what was chosen. */
export function reviewedQuestion(q: Question, i: number, chosen: number[] | null, flagged: boolean, lang: Lang, c: ChalkInstance, width: number): string {
  const e = examStrings(lang);
  const s = strings(lang);
  const ok = isCorrectChoice(q, chosen);
  const label = (k: number) => clean(pick(q.options[k]?.text ?? {}, lang));
  const head = `${ok ? c.green('✔') : c.red('✘')} ${c.bold(`${i + 1}.`)}${flagged ? ' ⚑' : ''} ${c.dim(`[${q.topicId} · ${s.domainNames[q.domain] ?? q.domain}]`)}`;
  const out = [head, wrap(clean(pick(q.prompt, lang)), width, '   ')];
  out.push(wrap(chosen ? chosen.map((k) => `${k + 1}. ${label(k)}`).join(' + ') : e.unansweredMark, width, `   ${e.yourAnswer}: `));
  out.push(...explainOptions(q, chosen, lang, s, c, width));
  return `${out.join('\n')}\n`;
}
