/** Every sentence the CLI shows, in English and Korean. */
import type { Lang } from '../core/types.js';

const en = {
  progress: (n: number, total: number) => `${n}/${total}`,
  correct: 'Correct',
  wrong: 'Wrong',
  answerIs: 'Answer',
  yourChoice: 'Your choice belongs to',
  swapped: 'The value in the statement belongs to',
  saved: 'saved',
  summaryTitle: 'Summary',
  score: (right: number, total: number, pct: number) => `Score: ${right}/${total} (${pct}%)`,
  missed: 'Review these facts',
  noneMissed: 'Nothing missed. Well done.',
  interrupted: (n: number) => `Stopped. ${n} answer${n === 1 ? '' : 's'} saved.`,
  fewer: (n: number, asked: number) => `Only ${n} questions can be made from these topics (asked for ${asked}).`,
  needTty:
    'saa quiz is interactive and needs a terminal on standard input. For scripts, use "saa questions --json".',
  instructions: '↑/↓ or 1–9 to choose, Enter to answer, Ctrl-C to stop',
  topicsHeader: ['Topic', 'Title', 'Facts', 'Answered', 'Accuracy'] as readonly string[],
  topicsFooter: (topics: number, facts: number) => `${topics} topics, ${facts} facts`,
  noHistory: '-',
  dbAt: (file: string) => `History: ${file}`,
};

export type Strings = typeof en;

const ko: Strings = {
  progress: (n, total) => `${n}/${total}`,
  correct: '정답',
  wrong: '오답',
  answerIs: '정답',
  yourChoice: '고른 보기의 출처',
  swapped: '문장 속 값의 출처',
  saved: '저장됨',
  summaryTitle: '결과',
  score: (right, total, pct) => `점수: ${right}/${total} (${pct}%)`,
  missed: '다시 볼 내용',
  noneMissed: '틀린 문제가 없습니다. 잘했어요.',
  interrupted: (n) => `중단했습니다. 답 ${n}개를 저장했습니다.`,
  fewer: (n, asked) => `이 토픽으로 만들 수 있는 문제는 ${n}개입니다 (요청: ${asked}개).`,
  needTty: 'saa quiz는 대화형이라 표준 입력이 터미널이어야 합니다. 스크립트에서는 "saa questions --json"을 쓰세요.',
  instructions: '↑/↓ 또는 1–9로 고르고 Enter로 답하기, Ctrl-C로 중단',
  topicsHeader: ['토픽', '제목', '팩트', '푼 문제', '정답률'],
  topicsFooter: (topics, facts) => `토픽 ${topics}개, 팩트 ${facts}개`,
  noHistory: '-',
  dbAt: (file) => `기록: ${file}`,
};

export function strings(lang: Lang): Strings {
  return lang === 'ko' ? ko : en;
}
