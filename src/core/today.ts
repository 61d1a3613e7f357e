/**
 * `saa today`: what to study today, from the stats report. Due reviews come first (a card
 * left overdue is forgotten), then new facts up to a daily quota (from the exam date when one
 * is set: the unseen facts spread over the days left; else a steady default), taken from the
 * least-learnt topic that still has unseen facts, then a drill of the weakest topic.
 */
import { topicWeakness } from './drill.js';
import type { StatsReport, TopicStats } from './stats.js';

/** New facts a day without an exam date: about 20 minutes of a first pass. */
export const DEFAULT_NEW_PER_DAY = 15;
/** A review session is capped like `saa review`'s default, so a backlog comes in daily bites. */
export const REVIEW_CAP = 50;
/** Questions of the drill step. */
export const DRILL_COUNT = 15;

export type TodayStep =
  | { kind: 'review'; count: number; due: number }
  | { kind: 'learn'; count: number; topicId: string; unseen: number }
  | { kind: 'drill'; count: number; topicId: string; accuracy: number | null };

export interface TodayPlan {
  due: number;
  unseen: number;
  /** New facts to meet today, and where the number comes from. */
  newQuota: number;
  quotaFrom: 'exam' | 'default';
  daysLeft: number | null;
  examDate: number | null;
  weakest: TopicStats | null;
  steps: TodayStep[];
}

export function planToday(report: StatsReport): TodayPlan {
  const { totals, plan } = report;
  const unseen = totals.facts - totals.seen;
  const quotaFrom = plan ? 'exam' : 'default';
  const newQuota = Math.min(unseen, plan ? plan.newPerDay : DEFAULT_NEW_PER_DAY);
  const answered = report.topics.filter((t) => t.answered > 0);
  const weakest = [...answered].sort((a, b) => topicWeakness(b) - topicWeakness(a) || a.id.localeCompare(b.id))[0] ?? null;
  // New facts from the least-learnt topic that has some left (the weakest one when it does).
  const learnFrom = [...report.topics]
    .filter((t) => t.facts > t.seen)
    .sort((a, b) => (b.id === weakest?.id ? 1 : 0) - (a.id === weakest?.id ? 1 : 0) || a.mastery - b.mastery || a.id.localeCompare(b.id))[0];

  const steps: TodayStep[] = [];
  if (totals.due > 0) steps.push({ kind: 'review', count: Math.min(totals.due, REVIEW_CAP), due: totals.due });
  if (newQuota > 0 && learnFrom) {
    steps.push({ kind: 'learn', count: Math.min(newQuota, learnFrom.facts - learnFrom.seen), topicId: learnFrom.id, unseen: learnFrom.facts - learnFrom.seen });
  }
  if (weakest) steps.push({ kind: 'drill', count: DRILL_COUNT, topicId: weakest.id, accuracy: weakest.accuracy });
  return {
    due: totals.due,
    unseen,
    newQuota,
    quotaFrom,
    daysLeft: plan?.daysLeft ?? null,
    examDate: plan?.examDate ?? null,
    weakest,
    steps,
  };
}
