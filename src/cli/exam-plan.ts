/** What a mock exam with the given options asks: shared by `exam` (to sit it) and `exam --print` (to read it). */
import { checkBlueprint, EXAM_MINUTES, EXAM_QUESTIONS, EXTRA_MINUTES } from '../core/exam/blueprint.js';
import { buildExam } from '../core/exam/build.js';
import type { Question } from '../core/questions/question.js';
import { createRng } from '../core/random.js';
import { type Deck, DOMAINS, type Domain, type Lang } from '../core/types.js';
import { DataError } from './errors.js';
import { examStrings } from './exam-strings.js';
import { strings } from './strings.js';
import { selectTopics } from './topic-filter.js';

export interface ExamPlanOptions {
  questions?: number;
  minutes?: number;
  topic?: string;
  domain?: Domain;
  seed?: string;
  extraTime?: boolean;
}

export interface ExamPlan {
  topics: string[];
  seed: string;
  questions: Question[];
  limitMinutes: number;
  /** Set when the notes could not fill the default 65 questions and the exam was made smaller. */
  scaledFrom?: number;
  /** Domains the topics have nothing in (the others keep their proportions). */
  missingDomains: Domain[];
}

export function planExam(deck: Deck, opts: ExamPlanOptions, lang: Lang, seed: string): ExamPlan {
  const e = examStrings(lang);
  const topics = selectTopics(deck, opts.topic, lang);
  let total = opts.questions ?? EXAM_QUESTIONS;
  const domains = opts.domain ? [opts.domain] : undefined;
  const check = checkBlueprint(deck, topics, total, domains);
  let scaledFrom: number | undefined;
  if (check.shortfalls.length > 0) {
    // Without --questions, a topic too small for 65 gets the largest exam it can fill; with it, say what fits.
    if (opts.questions !== undefined || check.largest === 0) {
      const names = strings(lang).domainNames;
      throw new DataError(
        [e.cannotFill(total), ...check.shortfalls.map((s) => e.shortfall(names[s.domain] ?? s.domain, s.needed, s.available)), e.largest(check.largest)].join(
          '\n',
        ),
      );
    }
    scaledFrom = total;
    total = check.largest;
  }
  // A shorter mock keeps the real pace (2 minutes a question) unless --minutes says otherwise.
  const minutes = (opts.minutes ?? Math.max(1, Math.round((EXAM_MINUTES * total) / EXAM_QUESTIONS))) + (opts.extraTime ? EXTRA_MINUTES : 0);
  const questions = buildExam(deck, { topicIds: topics, total, ...(domains ? { domains } : {}) }, createRng(seed));
  // Leaving out domains on purpose (--domain) is not worth a note.
  const missingDomains = domains ? [] : DOMAINS.filter((d) => !check.domains.includes(d));
  return { topics, seed, questions, limitMinutes: minutes, missingDomains, ...(scaledFrom ? { scaledFrom } : {}) };
}

/** The lines that say how a plan differs from a full mock: smaller, or without some domains. */
export function planNotes(plan: ExamPlan, lang: Lang): string[] {
  const e = examStrings(lang);
  const names = strings(lang).domainNames;
  const out: string[] = [];
  if (plan.missingDomains.length) out.push(e.missingDomains(plan.missingDomains.map((d) => names[d] ?? d).join(', ')));
  if (plan.scaledFrom) out.push(e.scaled(plan.questions.length, plan.scaledFrom));
  return out;
}
