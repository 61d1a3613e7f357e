/**
 * One sitting of a mock exam, from the current question until submission, time-out or Ctrl-C:
 * the core state machine decides, this loop shows it, turns keys into its transitions and
 * commits each change before the next key.
 */
import { answer, gradeExam, move, openQuestion, openReview, progress, remainingMs, reviewing, submitWarning, toggleFlag } from '../core/exam/state.js';
import { pick } from '../core/text.js';
import type { Lang } from '../core/types.js';
import { markExam, type StoredExam, saveExamClock, saveExamItem, submitExam } from '../io/exam-store.js';
import type { Store } from '../io/store.js';
import { type Context, widthOf } from './context.js';
import { Interrupted } from './errors.js';
import { clock, examStrings } from './exam-strings.js';
import { renderResult } from './render/exam-result.js';
import { clean, makeChalk } from './render/render.js';

const MINUTE = 60_000;

/** A question in one line for the review screen: its last line is the part that tells it apart. */
function oneLine(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim());
  const flat = (lines.at(-1) ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > 90 ? `${flat.slice(0, 89)}…` : flat;
}

export async function sit(store: Store, exam: StoredExam, lang: Lang, ctx: Context): Promise<number> {
  const e = examStrings(lang);
  const c = makeChalk(ctx.stdout, ctx.env);
  const { state } = exam;
  const n = state.questions.length;
  const left = () => remainingMs(state, ctx.now());
  const saveClock = () => saveExamClock(store, exam.sessionId, state, ctx.now());
  const saveItem = (i: number) => saveExamItem(store, exam.sessionId, i, state, ctx.now());
  if (state.usedMs > 0) ctx.stdout.write(`${e.resuming(Math.min(state.current, n - 1) + 1, clock(left()))}\n`);

  const header = (i: number) => (ms: number) => {
    const line = e.header(i + 1, n, clock(ms), state.flagged[i] === true);
    // The 10-minute warning means something only in an exam longer than that.
    const warn = ms <= MINUTE ? c.red.bold(e.warn1) : ms <= 10 * MINUTE && state.limitMs > 10 * MINUTE ? c.yellow.bold(e.warn10) : '';
    return warn ? `${c.dim(line)}  ${warn}` : c.dim(line);
  };
  const common = { remainingMs: left, pickError: e.pickError, onTick: saveClock };
  // The review screen and the submit confirmation: one choice from a list, no question keys.
  const screen = {
    ...common,
    header: (ms: number) => c.dim(e.reviewHeader(clock(ms))),
    pick: 1,
    chosen: [],
    questionKeys: false,
    numbered: false,
    help: e.reviewHelp,
  };

  let timedOut = false;
  try {
    for (;;) {
      if (left() <= 0) {
        timedOut = true;
        break;
      }
      if (reviewing(state)) {
        const p = progress(state);
        const items = state.questions.map((q, i) => e.item(i + 1, state.chosen[i] !== null, state.flagged[i] === true, oneLine(clean(pick(q.prompt, lang)))));
        const action = await ctx.prompts.timed({
          ...screen,
          message: e.reviewTitle(p.answered, p.unanswered, p.flagged),
          choices: [e.submit, e.back(state.lastQuestion + 1), ...items],
        });
        if (action.type === 'timeout') {
          timedOut = true;
          break;
        }
        if (action.type !== 'answer') continue;
        const k = action.chosen[0] ?? 1;
        if (k === 0) {
          if (await confirmSubmit()) break;
          continue;
        }
        openQuestion(state, k === 1 ? state.lastQuestion : k - 2);
        saveClock();
        continue;
      }

      const i = state.current;
      const q = state.questions[i];
      if (!q) break;
      const action = await ctx.prompts.timed({
        ...common,
        header: header(i),
        message: clean(pick(q.prompt, lang)),
        choices: q.options.map((o) => clean(pick(o.text, lang))),
        pick: q.answers.length,
        chosen: state.chosen[i] ?? [],
        questionKeys: true,
        help: q.answers.length > 1 ? e.helpMulti : e.help,
      });
      if (action.type === 'timeout') {
        timedOut = true;
        break;
      }
      if (action.type === 'answer') saveItem(answer(state, action.chosen));
      else if (action.type === 'flag') saveItem(toggleFlag(state));
      else {
        if (action.type === 'next') move(state, 1);
        else if (action.type === 'prev') move(state, -1);
        else openReview(state);
        saveClock();
      }
    }
  } catch (err) {
    if (err instanceof Interrupted) {
      const now = ctx.now();
      saveExamClock(store, exam.sessionId, state, now);
      markExam(store, exam.sessionId, 'interrupted', now);
      const p = progress(state);
      ctx.stdout.write(`\n${e.paused(p.answered, n, clock(remainingMs(state, now)))}\n`);
    }
    throw err;
  }

  const now = ctx.now();
  if (timedOut) ctx.stdout.write(`${c.yellow(e.timeUp)}\n`);
  const result = gradeExam(state, now, timedOut);
  submitExam(store, exam, result, now, ctx.uuid);
  ctx.stdout.write(renderResult(result, state.limitMs, lang, c, widthOf(ctx)));
  ctx.stdout.write(`\n${e.reviewHint(exam.number)}\n`);
  return 0;

  /** Asks before submitting with questions unanswered or flagged; true to submit. */
  async function confirmSubmit(): Promise<boolean> {
    const warning = submitWarning(state);
    if (!warning) return true;
    const action = await ctx.prompts.timed({
      ...screen,
      message: c.yellow(e.confirmSubmit(warning.unanswered, warning.flagged)),
      choices: [e.keepGoing, e.submitAnyway],
      help: e.confirmHelp,
    });
    if (action.type === 'timeout') {
      timedOut = true;
      return true;
    }
    return action.type === 'answer' && action.chosen[0] === 1;
  }
}
