/** What `saa import csv` / `saa import anki` print, in English and Korean. */
import type { SkipReason } from '../core/import/card.js';
import type { FactKind, Lang } from '../core/types.js';

const KIND_EN: Partial<Record<FactKind, [string, string]>> = {
  term: ['term', 'terms'],
  cloze: ['cloze', 'cloze'],
  statement: ['true/false statement', 'true/false statements'],
  scenario: ['scenario', 'scenarios'],
};
const KIND_KO: Partial<Record<FactKind, string>> = { term: '용어', cloze: '빈칸', statement: '참/거짓 문장', scenario: '시나리오' };

const REASON_EN: Record<SkipReason, string> = {
  'empty-front': 'empty front',
  'empty-back': 'empty back',
  'media-only': 'only an image or sound',
  duplicate: 'duplicate',
  'no-cloze': 'cloze note without {{c1::…}}',
  'too-few': 'fewer than 3 question/answer cards to choose options from',
  'no-options': 'no like answers to offer as wrong options',
  'over-limit': 'past the size one note can hold',
  invalid: 'not valid in a note',
};
const REASON_KO: Record<SkipReason, string> = {
  'empty-front': '앞면이 비어 있음',
  'empty-back': '뒷면이 비어 있음',
  'media-only': '이미지나 소리뿐임',
  duplicate: '중복',
  'no-cloze': '{{c1::…}}가 없는 빈칸 노트',
  'too-few': '보기를 만들 질문/답 카드가 3장 미만',
  'no-options': '오답 보기로 쓸 비슷한 답이 없음',
  'over-limit': '노트 하나에 담을 수 있는 크기를 넘음',
  invalid: '노트에 쓸 수 없는 형식',
};

const en = {
  wrote: (file: string) => `Wrote ${file}`,
  facts: (total: number, parts: [FactKind, number][]) =>
    `  ${total} fact${total === 1 ? '' : 's'}: ${parts.map(([k, n]) => `${n} ${KIND_EN[k]?.[n === 1 ? 0 : 1] ?? k}`).join(', ')}`,
  skipped: (n: number, unit: 'row' | 'note') => `  Skipped ${n} ${unit}${n === 1 ? '' : 's'}:`,
  reason: (reason: SkipReason, n: number, where: string) => `    ${n} ${REASON_EN[reason]} (${where})`,
  where: (unit: 'row' | 'note', at: number[], more: number) =>
    `${unit === 'row' ? 'line' : 'note'}${at.length > 1 ? 's' : ''} ${at.join(', ')}${more ? ` and ${more} more` : ''}`,
  truncated: (n: number, max: number) => `  ${n} card${n === 1 ? '' : 's'} had a field longer than ${max.toLocaleString('en')} characters; it was cut`,
  notRead: (n: number) => `  ${n} note(s) past the first 100,000 were not read`,
  check: (dir: string) => `Check it: saa notes check --notes ${dir}`,
  study: (id: string, dir: string) => `Study it: saa quiz --topic ${id} --notes ${dir}`,
};

export type ImportStrings = typeof en;

const ko: ImportStrings = {
  wrote: (file) => `${file} 파일을 만들었습니다`,
  facts: (total, parts) => `  사실 ${total}개: ${parts.map(([k, n]) => `${KIND_KO[k] ?? k} ${n}개`).join(', ')}`,
  skipped: (n, unit) => `  건너뛴 ${unit === 'row' ? '줄' : '노트'} ${n}개:`,
  reason: (reason, n, where) => `    ${REASON_KO[reason]} ${n}개 (${where})`,
  where: (unit, at, more) => `${unit === 'row' ? '줄' : '노트'} ${at.join(', ')}${more ? ` 외 ${more}개` : ''}`,
  truncated: (n, max) => `  필드가 ${max.toLocaleString('en')}자를 넘는 카드 ${n}개는 잘라서 넣었습니다`,
  notRead: (n) => `  처음 100,000개 뒤의 노트 ${n}개는 읽지 않았습니다`,
  check: (dir) => `검사: saa notes check --notes ${dir}`,
  study: (id, dir) => `공부: saa quiz --topic ${id} --notes ${dir}`,
};

export const importStrings = (lang: Lang): ImportStrings => (lang === 'ko' ? ko : en);
