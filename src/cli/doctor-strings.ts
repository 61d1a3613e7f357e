/** The sentences of `saa doctor` and the `notes check` summary, in English and Korean. */
import type { Lang } from '../core/types.js';

const en = {
  notCreated: 'not created yet (it is made by the first quiz, review, drill or exam)',
  size: (kib: string, version: number, ours: number, newer: boolean) =>
    `${kib} KiB, schema ${version} (this saa: ${ours})${newer ? ' — written by a newer saa' : ''}`,
  integrity: (result: string) => `integrity: ${result}`,
  contents: (sessions: number, answers: number, cards: number | null, exams: number) =>
    `contents: sessions ${sessions}, answers ${answers}${cards === null ? '' : `, review cards ${cards}`}, exams ${exams}`,
  unreadable: (why: string) => `cannot be read: ${why}`,
  sqliteMissing: 'not checked: SQLite cannot be loaded',
  notLoaded: 'not loaded',
  database: (file: string) => `database ${file}`,
  backups: (none: boolean) => `backups: ${none ? 'none' : ''}`,
  notes: (files: number, topics: number, facts: number, errors: number) =>
    `notes: ${files} files, ${topics} topics, ${facts} facts${errors ? `, ${errors} error(s): run "saa notes check"` : ''}`,
  shipped: 'shipped:',
  yours: 'yours:  ',
  restoreHint: (db: string) => `To put the newest backup back: saa doctor --restore${db}`,
  noBackup: (file: string) => `no backup of ${file} to restore (backups are made before a schema upgrade)`,
  skipped: (file: string, why: string) => `Skipped ${file}: ${why}`,
  noSoundBackup: (file: string) => `no sound backup of ${file} to restore; the file was not changed`,
  restored: (from: string, to: string, aside: string) => `Restored ${from}\n      to ${to}\nThe previous file was moved to ${aside}`,
  checkSummary: (files: number, topics: number, facts: number, errors: number, warnings: number) =>
    `${files} notes, ${topics} topics, ${facts} facts: ${errors} error(s), ${warnings} warning(s)`,
  warning: 'warning: ',
};

export type DoctorStrings = typeof en;

const ko: DoctorStrings = {
  notCreated: '아직 없음 (첫 퀴즈, 복습, 집중 연습이나 모의고사 때 만들어짐)',
  size: (kib, version, ours, newer) => `${kib} KiB, 스키마 ${version} (이 saa: ${ours})${newer ? ' — 더 새 saa가 쓴 파일' : ''}`,
  integrity: (result) => `무결성: ${result}`,
  contents: (sessions, answers, cards, exams) =>
    `내용: 세션 ${sessions}개, 답 ${answers}개${cards === null ? '' : `, 복습 카드 ${cards}개`}, 모의고사 ${exams}개`,
  unreadable: (why) => `읽을 수 없음: ${why}`,
  sqliteMissing: '검사하지 못함: SQLite를 불러올 수 없음',
  notLoaded: '불러오지 못함',
  database: (file) => `기록 데이터베이스 ${file}`,
  backups: (none) => `백업: ${none ? '없음' : ''}`,
  notes: (files, topics, facts, errors) =>
    `노트: 파일 ${files}개, 토픽 ${topics}개, 사실 ${facts}개${errors ? `, 오류 ${errors}개: "saa notes check"를 실행하세요` : ''}`,
  shipped: '기본 제공:',
  yours: '내 노트: ',
  restoreHint: (db) => `가장 최근 백업으로 되돌리려면: saa doctor --restore${db}`,
  noBackup: (file) => `${file}의 백업이 없어 복원할 수 없습니다 (백업은 스키마를 올리기 전에 만들어집니다)`,
  skipped: (file, why) => `건너뜀 ${file}: ${why}`,
  noSoundBackup: (file) => `${file}의 온전한 백업이 없어 복원하지 않았습니다. 파일은 바뀌지 않았습니다`,
  restored: (from, to, aside) => `복원함 ${from}\n   → ${to}\n이전 파일은 ${aside}(으)로 옮겼습니다`,
  checkSummary: (files, topics, facts, errors, warnings) => `노트 ${files}개, 토픽 ${topics}개, 사실 ${facts}개: 오류 ${errors}개, 경고 ${warnings}개`,
  warning: '경고: ',
};

export function doctorStrings(lang: Lang): DoctorStrings {
  return lang === 'ko' ? ko : en;
}
