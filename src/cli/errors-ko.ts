/**
 * The one-line failures that come from below the commands (the history database, option
 * values) in Korean. They are written in English where they arise, in the store and the option
 * parsers, which know no language; the entry point puts them in the user's.
 */

/** `[pattern, Korean]` pairs, tried in order on the whole message; `$1`… are the pattern's groups. */
const KO: [RegExp, string][] = [
  [
    /^cannot use the history database (.+?): it is a folder; give the path of a file with --db \/ SAA_DB$/s,
    '기록 데이터베이스 $1을(를) 쓸 수 없습니다: 폴더입니다. --db 또는 SAA_DB로 파일 경로를 주세요',
  ],
  [
    /^cannot use the history database (.+?): it is not a saa database or it is damaged\. .*$/s,
    '기록 데이터베이스 $1을(를) 쓸 수 없습니다: saa 데이터베이스가 아니거나 손상되었습니다. "saa doctor"로 검사하고 마지막 백업을 복원하거나, 파일을 옮겨(또는 --db / SAA_DB로 다른 경로를 주어) 새 기록을 시작하세요. 파일은 바뀌지 않았습니다',
  ],
  [
    /^cannot use the history database (.+?): it cannot be opened for writing\. .*$/s,
    '기록 데이터베이스 $1을(를) 쓸 수 없습니다: 쓰기용으로 열 수 없습니다. 파일과 폴더의 권한을 확인하거나 --db / SAA_DB를 쓰세요',
  ],
  [
    /^cannot use the history database (.+?): the disk is full\. .*$/s,
    '기록 데이터베이스 $1을(를) 쓸 수 없습니다: 디스크가 가득 찼습니다. 공간을 비우고 다시 시도하세요. 이 답 전에 저장된 답은 모두 남아 있습니다',
  ],
  [
    /^cannot use the history database (.+?): another saa is writing to it for too long\. .*$/s,
    '기록 데이터베이스 $1을(를) 쓸 수 없습니다: 다른 saa가 너무 오래 쓰고 있습니다. 잠시 후 다시 시도하세요',
  ],
  [
    /^the history database (.+?) was written by a newer saa \(schema (\d+), this saa knows (\d+)\)\. .*$/s,
    '기록 데이터베이스 $1은(는) 더 새 saa가 썼습니다 (스키마 $2, 이 saa는 $3까지). saa를 업그레이드하거나 --db / SAA_DB로 다른 파일을 쓰세요. 파일은 바뀌지 않았습니다',
  ],
  [
    /^cannot use the history database (.+?): it is damaged \(quick_check failed\)\..*$/s,
    '기록 데이터베이스 $1을(를) 쓸 수 없습니다: 손상되었습니다(quick_check 실패). "saa doctor"로 검사하고 마지막 백업을 복원하거나 파일을 옮기세요. 파일은 바뀌지 않았습니다',
  ],
  [
    /^cannot use the history database (.+?): it is an SQLite database but not saa's \((.*)\); the file was not changed$/s,
    '기록 데이터베이스 $1을(를) 쓸 수 없습니다: SQLite 데이터베이스지만 saa의 것이 아닙니다 ($2). 파일은 바뀌지 않았습니다',
  ],
  [/^cannot write (.+?): the folder (.+) does not exist$/s, '$1에 쓸 수 없습니다: 폴더 $2이(가) 없습니다'],
  [/^cannot write (.+?): (.+) is not a folder$/s, '$1에 쓸 수 없습니다: $2은(는) 폴더가 아닙니다'],
  [/^cannot write (.+?): permission denied$/s, '$1에 쓸 수 없습니다: 권한이 없습니다'],
  [/^cannot write (.+?): the file system is read-only$/s, '$1에 쓸 수 없습니다: 읽기 전용 파일 시스템입니다'],
  [/^cannot write (.+?): the disk is full$/s, '$1에 쓸 수 없습니다: 디스크가 가득 찼습니다'],
  [/^cannot write (.+?): it is a folder$/s, '$1에 쓸 수 없습니다: 폴더입니다'],
  [/^cannot write (.+?): (.+)$/s, '$1에 쓸 수 없습니다: $2'],
  [/^no facts found in the notes; run "saa notes check" to see why$/, '노트에서 사실을 찾지 못했습니다. "saa notes check"로 이유를 확인하세요'],
  [/^(.+?) must be a whole number, got "(.*)"$/s, '$1은(는) 정수여야 합니다. 입력: "$2"'],
  [/^(.+?) must be between 1 and (\d+), got (-?\d+)$/, '$1은(는) 1에서 $2 사이여야 합니다. 입력: $3'],
  [/^(.+?) needs a path, got an empty one$/, '$1에는 경로가 필요한데 빈 값이 왔습니다'],
  [
    /^(.+?) already exists; add --force to replace it \(fact ids stay the same, so your history is kept\)$/s,
    '$1 파일이 이미 있습니다. 바꾸려면 --force를 주세요 (사실 id가 그대로라서 기록은 남습니다)',
  ],
  [
    /^"(.+?)" is a shipped topic or one of its aliases; choose another id with --topic$/,
    '"$1"은(는) 기본 제공 토픽이나 그 별칭입니다. --topic으로 다른 id를 고르세요',
  ],
  [/^topic id "(.+?)" is already used by (.+?); choose another with --topic$/s, '토픽 id "$1"은(는) 이미 $2에서 쓰고 있습니다. --topic으로 다른 id를 고르세요'],
];

/** The message in Korean when it is one of the known ones; otherwise as it is. */
export function koFailure(message: string): string {
  for (const [re, ko] of KO) if (re.test(message)) return message.replace(re, ko);
  return message;
}
