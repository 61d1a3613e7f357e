/** The sentences of `saa today`, in English and Korean. */
import type { Lang } from '../core/types.js';

const en = {
  title: (date: string) => `Today, ${date}`,
  examIn: (date: string, days: number) => `Exam on ${date}: ${days} day${days === 1 ? '' : 's'} left.`,
  noExam: 'No exam date set (saa stats --exam-date YYYY-MM-DD plans the days up to it).',
  due: (n: number) => (n === 0 ? 'Reviews due: none.' : `Reviews due: ${n} fact${n === 1 ? '' : 's'} the scheduler says you are about to forget.`),
  quota: (n: number, unseen: number, from: 'exam' | 'default') =>
    n === 0
      ? 'New facts: none left; every fact has been seen.'
      : `New facts: ${n} today (${unseen} not yet seen${from === 'exam' ? ', spread over the days to the exam' : ''}).`,
  weakest: (title: string, accuracy: string, mastery: string) =>
    `Weakest topic: ${title} (accuracy ${accuracy} of recent answers, ${mastery} of its facts learnt).`,
  noWeakest: 'Weakest topic: not known yet; answer some questions first.',
  plan: 'Plan:',
  review: (n: number, due: number) => (n < due ? `Review ${n} of the ${due} due facts` : `Review the ${n} due fact${n === 1 ? '' : 's'}`),
  learn: (n: number, topic: string) => `Learn ${n} new fact${n === 1 ? '' : 's'} of ${topic}`,
  drill: (n: number, topic: string) => `Drill ${topic} (${n} questions)`,
  later: 'Not now',
  nothing: 'Nothing to do today: no reviews are due and every fact has been seen. Try a mock exam: saa exam',
  choose: 'Start (Enter takes the first):',
  help: '↑/↓ or 1–9 choose · Enter start · Ctrl-C quit',
  run: (command: string) => `  ${command}`,
  howToStart: 'Run these to start:',
};

export type TodayStrings = typeof en;

const ko: TodayStrings = {
  title: (date) => `오늘, ${date}`,
  examIn: (date, days) => `시험일 ${date}: ${days}일 남았습니다.`,
  noExam: '시험일이 없습니다 (saa stats --exam-date YYYY-MM-DD로 정하면 그날까지 계획합니다).',
  due: (n) => (n === 0 ? '복습할 사실: 없음.' : `복습할 사실: ${n}개. 스케줄러가 곧 잊을 것으로 보는 사실입니다.`),
  quota: (n, unseen, from) =>
    n === 0
      ? '새 사실: 남은 것이 없습니다. 모든 사실을 한 번 이상 봤습니다.'
      : `새 사실: 오늘 ${n}개 (아직 안 본 사실 ${unseen}개${from === 'exam' ? '를 시험일까지 나눈 양' : ''}).`,
  weakest: (title, accuracy, mastery) => `가장 약한 토픽: ${title} (최근 정답률 ${accuracy}, 사실 숙달도 ${mastery}).`,
  noWeakest: '가장 약한 토픽: 아직 모릅니다. 먼저 문제를 풀어 보세요.',
  plan: '계획:',
  review: (n, due) => (n < due ? `복습할 사실 ${due}개 중 ${n}개 복습` : `복습할 사실 ${n}개 복습`),
  learn: (n, topic) => `${topic}의 새 사실 ${n}개 학습`,
  drill: (n, topic) => `${topic} 집중 연습 (${n}문제)`,
  later: '나중에',
  nothing: '오늘 할 일이 없습니다. 복습할 사실도 없고 모든 사실을 봤습니다. 모의고사를 풀어 보세요: saa exam',
  choose: '시작할 항목 (Enter는 첫 항목):',
  help: '↑/↓ 또는 1–9 선택 · Enter 시작 · Ctrl-C 종료',
  run: (command) => `  ${command}`,
  howToStart: '다음 명령으로 시작하세요:',
};

export function todayStrings(lang: Lang): TodayStrings {
  return lang === 'ko' ? ko : en;
}
