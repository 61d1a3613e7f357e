/** `saa exam list` and `saa exam review [ID]`: past exams, and one exam's answers with explanations. */
import type { ExamQuestion } from '../../core/exam.js';
import { isCorrectChoice } from '../../core/exam.js';
import { pick } from '../../core/text.js';
import { resolveLang } from '../../io/locale.js';
import { examById, latestFinishedExamId, listExams } from '../../io/exam-store.js';
import { loadStudyDeck } from '../deck-loader.js';
import { UsageError } from '../errors.js';
import { clock, examStrings } from '../exam-strings.js';
import { sourceSummary } from '../feedback.js';
import { withExistingStore } from '../history.js';
import { clean, formatDate, makeChalk, safeJson } from '../render.js';
import { table } from '../table.js';
import { renderResult } from './exam.js';

interface Common {
  lang?: string;
  notes?: string;
  db?: string;
}

export async function list(opts: Common & { json?: boolean }): Promise<void> {
  const lang = resolveLang(opts.lang, process.env);
  const e = examStrings(lang);
  const rows = withExistingStore(opts.db, (store) => (store ? listExams(store) : []));
  if (opts.json) {
    process.stdout.write(`${safeJson(rows.map((r) => ({ ...r, startedAt: new Date(r.startedAt).toISOString() })))}\n`);
    return;
  }
  if (rows.length === 0) {
    process.stdout.write(`${e.noExams}\n`);
    return;
  }
  const body = rows.map((r) => [
    String(r.id),
    formatDate(r.startedAt),
    String(r.questions),
    r.score === null ? '-' : String(r.score),
    r.pass === null ? '-' : r.pass ? e.pass : e.fail,
    r.usedMs === null ? '-' : clock(r.usedMs),
    r.status,
  ]);
  process.stdout.write(`${table(e.listHeader, body, ['r', 'l', 'r', 'r', 'l', 'r', 'l'])}\n`);
}

export async function review(id: string | undefined, opts: Common): Promise<void> {
  const lang = resolveLang(opts.lang, process.env);
  const e = examStrings(lang);
  const c = makeChalk();
  const deck = loadStudyDeck(opts.notes);
  const text = withExistingStore(opts.db, (store) => {
    if (!store) throw new UsageError(e.noExams);
    const examId = id === undefined ? latestFinishedExamId(store) : /^\d+$/.test(id) ? Number(id) : NaN;
    if (examId === null) throw new UsageError(e.noExams);
    const exam = Number.isNaN(examId) ? null : examById(store, examId, Date.now());
    if (!exam || !exam.result) throw new UsageError(e.noSuchExam(id ?? ''));
    const out: string[] = [];
    exam.state.questions.forEach((q: ExamQuestion, i) => {
      const chosen = exam.state.chosen[i] ?? null;
      const ok = isCorrectChoice(q, chosen);
      const label = (k: number) => clean(pick(q.options[k]?.text ?? {}, lang));
      const flag = exam.state.flagged[i] ? ' ⚑' : '';
      const prompt = clean(pick(q.prompt, lang)).replace(/\n/g, '\n   ');
      out.push(`${ok ? c.green('✔') : c.red('✘')} ${c.bold(`${i + 1}.`)}${flag} ${c.dim(`[${q.topicId}]`)} ${prompt}`);
      q.options.forEach((_, k) => {
        const mark = q.answers.includes(k) ? c.green('✓') : chosen?.includes(k) ? c.red('✗') : ' ';
        out.push(`   ${mark} ${k + 1}. ${label(k)}`);
      });
      out.push(`   ${e.yourAnswer}: ${chosen ? chosen.map(label).join(' + ') : e.unansweredMark}`);
      if (!ok) {
        out.push(`   ${e.rightAnswer}: ${q.answers.map(label).join(' + ')}`);
        const explained = new Set<string>();
        for (const k of [...q.answers, ...(chosen ?? [])]) {
          const source = q.options[k]?.source;
          if (!source || explained.has(source)) continue;
          explained.add(source);
          const summary = sourceSummary(deck, source, lang);
          if (summary) out.push(`   ${c.cyan('=')} ${summary}`);
        }
      }
      out.push('');
    });
    out.push(renderResult(exam.result, exam, lang));
    return out.join('\n');
  });
  process.stdout.write(text);
}
