/** `saa questions --audit` as a person reads it: the balance figures, each pattern's count, its worst examples. */
import type { Audit } from '../../core/audit.js';
import { clean } from './clean.js';
import { wrap } from './wrap.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const n = (x: number) => x.toLocaleString('en-US');

/** "key longest in 24 (22%), 2nd in …": each near a quarter is the aim. */
function itemRanks(ranks: number[]): string {
  const total = ranks.reduce((x, y) => x + y, 0);
  const names = ['longest', '2nd longest', '3rd longest', 'shortest'];
  const parts = ranks.map((r, i) => `${names[i]} ${r} (${pct(total ? r / total : 0)})`);
  return `Exam-style items (${total} with one key): the key is the ${parts.join(', ')} option (aim: each near 25%)`;
}

export function auditText(a: Audit, width: number): string {
  const kinds = Object.entries(a.byKind)
    .sort((x, y) => y[1] - x[1])
    .map(([k, c]) => `${k} ${n(c)}`)
    .join(', ');
  const out = [
    `Audit of ${n(a.questions)} questions from ${n(a.facts)} facts (${a.lang === 'ko' ? 'Korean' : 'English'})`,
    wrap(`  by kind: ${kinds}`, width, '', '    '),
    '',
    `Mixed quizzes (${a.mixedQuiz.quizzes} seeded quizzes, ${n(a.mixedQuiz.questions)} questions):`,
    `  true/false ${pct(a.mixedQuiz.trueFalseShare)} of questions (target at most 25%), keyed true ${pct(a.mixedQuiz.trueShare)} (target 45–55%)`,
    `True/false statements: ${n(a.trueFalse.count)}, keyed true ${pct(a.trueFalse.trueShare)};` +
      ` mean length true ${a.trueFalse.meanTrueLength}, false ${a.trueFalse.meanFalseLength} characters`,
    `  the notes' own statements: mean length true ${a.trueFalse.authored.meanTrueLength}, false ${a.trueFalse.authored.meanFalseLength} characters`,
    wrap(itemRanks(a.itemKeyRanks), width, '', '  '),
    '',
    'Patterns a candidate could game:',
  ];
  for (const p of a.patterns) {
    out.push(`  ${p.name}: ${n(p.count)} of ${n(p.of)} (${pct(p.of ? p.count / p.of : 0)})`);
    for (const e of p.examples) out.push(wrap(clean(`• ${e.prompt} — ${e.detail} [${e.id}]`), width, '      ', '        '));
  }
  return `${out.join('\n')}\n`;
}
