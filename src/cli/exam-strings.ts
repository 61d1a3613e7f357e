/** The mock exam's sentences in English and Korean. */
import type { Lang } from '../core/types.js';

const en = {
  header: (n: number, total: number, left: string, flagged: boolean) => `Mock exam · Question ${n}/${total} · ⏱ ${left} left${flagged ? ' · ⚑ flagged' : ''}`,
  reviewHeader: (left: string) => `Mock exam · Review · ⏱ ${left} left`,
  warn10: '⚠ 10 minutes left',
  warn1: '⚠ 1 minute left',
  help: '↑/↓ or 1–9 choose · Enter answer · f flag · n/→ next · p/← previous · r review screen · Ctrl-C pause',
  helpMulti: '1–9 or space toggle · Enter answer · f flag · n/→ next · p/← previous · r review screen · Ctrl-C pause',
  pickError: (n: number) => `Choose exactly ${n} options.`,
  reviewTitle: (answered: number, unanswered: number, flagged: number) =>
    `Review: ${answered} answered, ${unanswered} unanswered, ${flagged} flagged. Choose a question to go back to it, or submit.`,
  reviewHelp: '↑/↓ choose · Enter open · Ctrl-C pause',
  submit: 'Submit the exam',
  back: (n: number) => `Back to question ${n}`,
  item: (n: number, answered: boolean, flagged: boolean, prompt: string) => `${String(n).padStart(2)} ${answered ? '✓' : '·'} ${flagged ? '⚑' : ' '} ${prompt}`,
  timeUp: 'Time is up: the exam is submitted as it stands; unanswered questions count as wrong.',
  paused: (answered: number, total: number, left: string) => `Exam paused: ${answered}/${total} answered, ${left} left. Continue with: saa exam --resume`,
  resumeNothing: 'There is no unfinished exam to resume. Start one with: saa exam',
  unfinished: (date: string, answered: number, total: number, left: string) =>
    `You have an unfinished exam from ${date} (${answered}/${total} answered, ${left} left).`,
  resumeIt: 'Resume it',
  abandonIt: 'Abandon it and start a new exam',
  cancel: 'Cancel',
  resuming: (n: number, left: string) => `Resuming at question ${n} with ${left} left.`,
  shortfall: (domain: string, needed: number, available: number) => `  ${domain}: needs ${needed} questions, the notes have ${available}`,
  cannotFill: (total: number) => `The notes cannot fill a ${total}-question exam in the SAA-C03 proportions:`,
  largest: (n: number) => (n > 0 ? `The largest exam they can make has ${n} questions: saa exam --questions ${n}` : 'They cannot make any exam.'),
  resultTitle: 'Result',
  score: (score: number, pass: boolean) => `Estimated scaled score: ${score} / 1000 — ${pass ? 'PASS' : 'FAIL'} (720 needed)`,
  correct: (c: number, total: number, unanswered: number) => `Correct: ${c}/${total}${unanswered ? ` · unanswered: ${unanswered}` : ''}`,
  timeUsed: (used: string, limit: string) => `Time used: ${used} of ${limit}`,
  estimateNote: 'The score is an estimate: AWS does not publish its conversion. saa maps 70% correct to 720 (see README).',
  domainHeader: ['Domain', 'Questions', 'Correct', 'Share'] as readonly string[],
  topicHeader: ['Topic', 'Questions', 'Correct', 'Share'] as readonly string[],
  reviewHint: (id: number) => `Go through your answers: saa exam review ${id}`,
  listHeader: ['No.', 'Date', 'Questions', 'Score', 'Result', 'Time used', 'Status'] as readonly string[],
  noExams: 'No mock exams yet. Start one with: saa exam',
  noSuchExam: (id: string) => `no finished exam number ${id}; see saa exam list`,
  yourAnswer: 'Your answer',
  rightAnswer: 'Correct answer',
  unansweredMark: '(no answer)',
  pass: 'pass',
  fail: 'fail',
  status: { active: 'in progress', finished: 'finished', interrupted: 'paused', abandoned: 'abandoned' } as Record<string, string>,
  confirmSubmit: (unanswered: number, flagged: number) =>
    `Submit now? ${[unanswered ? `${unanswered} question${unanswered === 1 ? ' is' : 's are'} unanswered (scored as wrong)` : '', flagged ? `${flagged} flagged` : ''].filter(Boolean).join(', ')}.`,
  keepGoing: 'No, back to the review screen',
  submitAnyway: 'Yes, submit the exam',
  scaled: (n: number, asked: number) => `These topics cannot fill ${asked} questions in the exam's proportions; this mock has ${n}.`,
  missingDomains: (names: string) => `These topics have nothing in ${names}; the other domains keep their exam proportions.`,
  jsonNeedsPrint: '--json prints a mock exam without sitting it: use it with --print',
  printTitle: (seed: string, n: number, minutes: number, domains: string) => `Mock exam · seed ${seed} · ${n} questions · ${minutes} minutes · ${domains}`,
  printNote: 'Printed only: no exam was started and nothing was saved.',
  page: (n: number, total: number, shown: string) => `Exam review · question ${n} of ${total}${shown}`,
  onlyShown: { wrong: ' · wrong ones only', flagged: ' · flagged ones only', all: '' } as Record<string, string>,
  next: 'Next',
  previous: 'Previous',
  onlyWrong: (n: number) => `Only the wrong ones (${n})`,
  onlyFlagged: (n: number) => `Only the flagged ones (${n})`,
  everyQuestion: (n: number) => `Every question (${n})`,
  result: 'The result',
  done: 'Done',
  pageHelp: '↑/↓ or 1–9 choose · Enter go · Ctrl-C quit',
};

export type ExamStrings = typeof en;

const ko: ExamStrings = {
  header: (n, total, left, flagged) => `모의고사 · ${n}/${total}번 · ⏱ ${left} 남음${flagged ? ' · ⚑ 표시함' : ''}`,
  reviewHeader: (left) => `모의고사 · 검토 · ⏱ ${left} 남음`,
  warn10: '⚠ 10분 남았습니다',
  warn1: '⚠ 1분 남았습니다',
  help: '↑/↓ 또는 1–9 선택 · Enter 답하기 · f 표시 · n/→ 다음 · p/← 이전 · r 검토 화면 · Ctrl-C 일시정지',
  helpMulti: '1–9 또는 스페이스 선택/해제 · Enter 답하기 · f 표시 · n/→ 다음 · p/← 이전 · r 검토 화면 · Ctrl-C 일시정지',
  pickError: (n) => `정확히 ${n}개를 고르세요.`,
  reviewTitle: (answered, unanswered, flagged) => `검토: 답함 ${answered}, 안 답함 ${unanswered}, 표시 ${flagged}. 돌아갈 문제를 고르거나 제출하세요.`,
  reviewHelp: '↑/↓ 선택 · Enter 열기 · Ctrl-C 일시정지',
  submit: '시험 제출',
  back: (n) => `${n}번 문제로 돌아가기`,
  item: (n, answered, flagged, prompt) => `${String(n).padStart(2)} ${answered ? '✓' : '·'} ${flagged ? '⚑' : ' '} ${prompt}`,
  timeUp: '시간이 끝났습니다. 지금 상태로 제출하며, 답하지 않은 문제는 오답으로 처리합니다.',
  paused: (answered, total, left) => `시험을 멈췄습니다: ${answered}/${total}문제 답함, ${left} 남음. 이어서 보려면: saa exam --resume`,
  resumeNothing: '이어서 볼 시험이 없습니다. 새로 시작하려면: saa exam',
  unfinished: (date, answered, total, left) => `${date}에 시작한 시험이 끝나지 않았습니다 (${answered}/${total}문제 답함, ${left} 남음).`,
  resumeIt: '이어서 보기',
  abandonIt: '포기하고 새 시험 시작',
  cancel: '취소',
  resuming: (n, left) => `${n}번 문제부터, ${left} 남은 상태로 이어갑니다.`,
  shortfall: (domain, needed, available) => `  ${domain}: ${needed}문제가 필요하지만 노트에는 ${available}개뿐입니다`,
  cannotFill: (total) => `노트로는 SAA-C03 비율의 ${total}문제 시험을 만들 수 없습니다:`,
  largest: (n) => (n > 0 ? `만들 수 있는 가장 큰 시험은 ${n}문제입니다: saa exam --questions ${n}` : '시험을 만들 수 없습니다.'),
  resultTitle: '결과',
  score: (score, pass) => `추정 환산 점수: ${score} / 1000 — ${pass ? '합격' : '불합격'} (합격선 720)`,
  correct: (c, total, unanswered) => `정답: ${c}/${total}${unanswered ? ` · 안 답함: ${unanswered}` : ''}`,
  timeUsed: (used, limit) => `사용 시간: ${used} / ${limit}`,
  estimateNote: '점수는 추정치입니다. AWS는 환산 방식을 공개하지 않으며, saa는 정답률 70%를 720점으로 봅니다 (README 참고).',
  domainHeader: ['도메인', '문제', '정답', '비율'],
  topicHeader: ['토픽', '문제', '정답', '비율'],
  reviewHint: (id) => `답안 다시 보기: saa exam review ${id}`,
  listHeader: ['번호', '날짜', '문제', '점수', '결과', '사용 시간', '상태'],
  noExams: '아직 본 모의고사가 없습니다. 시작하려면: saa exam',
  noSuchExam: (id) => `${id}번으로 끝난 시험이 없습니다. saa exam list를 보세요`,
  yourAnswer: '내 답',
  rightAnswer: '정답',
  unansweredMark: '(답 없음)',
  pass: '합격',
  fail: '불합격',
  status: { active: '진행 중', finished: '끝남', interrupted: '일시정지', abandoned: '포기' },
  confirmSubmit: (unanswered, flagged) =>
    `지금 제출할까요? ${[unanswered ? `답하지 않은 문제 ${unanswered}개(오답 처리)` : '', flagged ? `표시한 문제 ${flagged}개` : ''].filter(Boolean).join(', ')}가 남아 있습니다.`,
  keepGoing: '아니요, 검토 화면으로 돌아가기',
  submitAnyway: '예, 시험 제출',
  scaled: (n, asked) => `이 토픽으로는 시험 비율대로 ${asked}문제를 채울 수 없어 ${n}문제로 만들었습니다.`,
  missingDomains: (names) => `이 토픽에는 ${names} 도메인 문제가 없어, 나머지 도메인끼리 시험 비율을 유지합니다.`,
  jsonNeedsPrint: '--json은 시험을 보지 않고 출력만 할 때 씁니다. --print와 함께 쓰세요',
  printTitle: (seed, n, minutes, domains) => `모의고사 · 시드 ${seed} · ${n}문제 · ${minutes}분 · ${domains}`,
  printNote: '출력만 했습니다. 시험을 시작하지 않았고 아무것도 저장하지 않았습니다.',
  page: (n, total, shown) => `모의고사 검토 · ${total}문제 중 ${n}번${shown}`,
  onlyShown: { wrong: ' · 틀린 문제만', flagged: ' · 표시한 문제만', all: '' },
  next: '다음',
  previous: '이전',
  onlyWrong: (n) => `틀린 문제만 (${n})`,
  onlyFlagged: (n) => `표시한 문제만 (${n})`,
  everyQuestion: (n) => `모든 문제 (${n})`,
  result: '결과',
  done: '끝내기',
  pageHelp: '↑/↓ 또는 1–9 선택 · Enter 이동 · Ctrl-C 종료',
};

export function examStrings(lang: Lang): ExamStrings {
  return lang === 'ko' ? ko : en;
}

/** 1:05:09 or 4:59. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
