/** A question as plain text with its key, its reasons and where it comes from: for `questions` and `exam --print`. */
import type { Question } from '../../core/questions/question.js';
import { pick } from '../../core/text.js';
import type { Lang } from '../../core/types.js';
import { clean } from './clean.js';
import { wrap } from './wrap.js';

export function questionText(q: Question, n: number, lang: Lang, width: number, domainName: (d: string) => string, examLabel = 'exam'): string {
  const t = (x: Parameters<typeof pick>[0]) => clean(pick(x, lang));
  const out = [`${n}. [${q.topicId} · ${domainName(q.domain)} · ${q.style === 'exam' ? examLabel : q.kind}] ${q.id}`];
  out.push(wrap(t(q.prompt), width, '   '));
  q.options.forEach((o, k) => {
    out.push(wrap(t(o.text), width, `   ${o.correct ? '*' : ' '} ${k + 1}) `));
    out.push(wrap(t(o.reason), width, '        — '));
  });
  return `${out.join('\n')}\n`;
}
