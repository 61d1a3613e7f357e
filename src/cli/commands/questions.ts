/** `saa questions`: generate questions and print them without asking (for scripts, tests and note review). */
import { auditQuestions } from '../../core/audit.js';
import { buildQuiz, type QuestionType, type QuizStyle } from '../../core/quiz.js';
import { createRng } from '../../core/random.js';
import { resolveLang } from '../../io/locale.js';
import { type Context, widthOf } from '../context.js';
import { loadStudyDeck } from '../deck-loader.js';
import { auditText } from '../render/audit-text.js';
import { questionText } from '../render/question-text.js';
import { safeJson } from '../render/render.js';
import { strings } from '../strings.js';
import { selectTopics } from '../topic-filter.js';

export interface QuestionsOptions {
  topic?: string;
  count: number;
  seed: string;
  type: QuestionType;
  style?: QuizStyle;
  lang?: string;
  notes?: string;
  /** False with --no-cache. */
  cache?: boolean;
  json?: boolean;
  audit?: boolean;
}

export async function run(opts: QuestionsOptions, ctx: Context): Promise<number> {
  const lang = resolveLang(opts.lang, ctx.env);
  const deck = await loadStudyDeck(opts.notes, ctx, opts.cache);
  const topicIds = selectTopics(deck, opts.topic, lang);
  if (opts.audit) {
    const audit = auditQuestions(deck, topicIds, lang);
    ctx.stdout.write(opts.json ? `${safeJson(audit)}\n` : auditText(audit, widthOf(ctx)));
    return 0;
  }
  const questions = buildQuiz(deck, { topicIds, count: opts.count, type: opts.type, style: opts.style ?? 'mixed' }, createRng(opts.seed));
  if (opts.json) {
    ctx.stdout.write(`${safeJson(questions)}\n`);
    return 0;
  }
  const names = strings(lang).domainNames;
  ctx.stdout.write(questions.map((q, i) => questionText(q, i + 1, lang, widthOf(ctx), (d) => names[d] ?? d, strings(lang).examStyle)).join('\n'));
  return 0;
}
