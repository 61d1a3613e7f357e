/** Korean for the command help: each English description or help line, and its Korean. */
export const KO_HELP: Record<string, string> = {
  'Study for the AWS Certified Solutions Architect – Associate exam (SAA-C03) in the terminal.':
    '터미널에서 AWS Certified Solutions Architect – Associate 시험(SAA-C03)을 준비한다.',
  'output the version number': '버전 번호를 출력한다',
  'list topics with their fact counts and, once you have answered, your accuracy': '토픽 목록을 토픽별 사실 수와 함께 출력한다 (푼 문제가 있으면 정답률도)',
  'language of questions and messages (default: SAA_LANG, then LANG)': '문제와 메시지의 언어 (기본값: SAA_LANG, 없으면 LANG)',
  'extra folder of your own topic notes (also SAA_NOTES)': '직접 만든 토픽 노트가 있는 추가 폴더 (SAA_NOTES로도 지정 가능)',
  'parse the notes afresh instead of reading the parsed-notes cache (also SAA_NO_CACHE=1)':
    '파싱된 노트 캐시를 읽지 않고 노트를 새로 파싱한다 (SAA_NO_CACHE=1로도 지정 가능)',
  'history database file (also SAA_DB)': '기록 데이터베이스 파일 (SAA_DB로도 지정 가능)',
  'print JSON instead of a table': '표 대신 JSON을 출력한다',
  "what to study today: due reviews, new facts up to the day's quota, your weakest topic; Enter starts the first":
    '오늘 공부할 것을 보여 준다: 복습할 사실, 하루 할당량만큼의 새 사실, 가장 약한 토픽. Enter로 첫 항목을 시작한다',
  'print the plan as JSON': '계획을 JSON으로 출력한다',
  'answer questions one at a time, with feedback after each; every answer is saved': '문제를 하나씩 풀고 매번 피드백을 받는다. 모든 답은 저장된다',
  'topic ids or aliases, comma-separated (default: all topics)': '토픽 id 또는 별칭, 쉼표로 구분 (기본값: 모든 토픽)',
  'number of questions': '문제 수',
  'seed for a repeatable quiz': '같은 퀴즈를 다시 만들기 위한 시드',
  'question type': '문제 유형',
  'exam: only exam-style scenario questions; fact: only single-fact questions; mixed: some of each':
    'exam: 시험형 시나리오 문제만, fact: 사실 하나를 묻는 문제만, mixed: 둘을 섞어서',
  'only facts you have never answered': '한 번도 풀지 않은 사실만',
  'answer the facts the spaced-repetition scheduler says are due, most overdue first':
    '간격 반복 스케줄러가 복습할 때라고 한 사실을 가장 오래 밀린 것부터 푼다',
  'at most this many questions': '최대 문제 수',
  'seed for repeatable question shapes': '같은 문제 형태를 다시 만들기 위한 시드',
  'questions from your weakest topics: least-remembered facts first, some unseen ones mixed in':
    '가장 약한 토픽의 문제를 푼다: 기억률이 가장 낮은 사실부터, 아직 안 본 사실도 조금 섞는다',
  'drill these topics instead of the weakest ones': '가장 약한 토픽 대신 이 토픽을 집중 연습한다',
  'seed for a repeatable drill': '같은 집중 연습을 다시 만들기 위한 시드',
  'mastery per topic and domain, accuracy trend, streak, exam history and readiness':
    '토픽·도메인별 숙달도, 정답률 추이, 연속 학습일, 모의고사 기록, 준비도를 보여 준다',
  'remember your exam date and plan reviews up to it': '시험일을 저장하고 그날까지 복습을 계획한다',
  'print JSON (shape documented in README)': 'JSON을 출력한다 (형식은 README 참고)',
  'a timed mock exam in the SAA-C03 format (65 questions, 130 minutes), with resume and review':
    'SAA-C03 형식(65문제, 130분)의 모의고사를 시간을 재며 본다. 이어 보기와 검토를 지원한다',
  'number of questions (same domain proportions)': '문제 수 (도메인 비율은 그대로)',
  'time limit in minutes (default: 2 per question, 130 for 65)': '제한 시간, 분 단위 (기본값: 문제당 2분, 65문제면 130분)',
  'add the 30 minutes a non-native English speaker may request': '영어가 모국어가 아닌 응시자가 신청할 수 있는 30분을 더한다',
  'continue the unfinished exam with its questions, answers, flags and time left': '끝내지 않은 시험을 문제, 답, 표시, 남은 시간 그대로 이어서 본다',
  'only questions of one exam domain': '시험 도메인 하나의 문제만',
  'seed for a repeatable exam': '같은 모의고사를 다시 만들기 위한 시드',
  'print the questions this exam would ask, with keys, reasons and domains; nothing is started or saved':
    '이 시험에 나올 문제를 정답, 이유, 도메인과 함께 출력한다. 시험을 시작하거나 저장하지는 않는다',
  'with --print: JSON instead of text': '--print와 함께 쓰면 텍스트 대신 JSON을 출력한다',
  'past mock exams with score and date': '지난 모의고사를 점수, 날짜와 함께 보여 준다',
  'print JSON': 'JSON을 출력한다',
  "an exam's questions with your answer, the right answer and the reason for every option (default: the latest)":
    '모의고사 문제를 내 답, 정답, 보기마다의 이유와 함께 보여 준다 (기본값: 가장 최근 시험)',
  'print generated questions without asking them (for scripts and checks)': '생성한 문제를 묻지 않고 출력한다 (스크립트와 검사용)',
  'seed for repeatable output': '같은 출력을 다시 만들기 위한 시드',
  'print JSON (both languages, answers, reasons and sources)': 'JSON을 출력한다 (두 언어, 정답, 이유, 출처 포함)',
  'audit every question the notes can make: true/false balance, giveaway patterns, worst examples':
    '노트로 만들 수 있는 모든 문제를 점검한다: 참/거짓 균형, 답이 드러나는 패턴, 가장 심한 예',
  'check the history database and show paths, versions and counts; --restore puts the last backup back':
    '기록 데이터베이스를 점검하고 경로, 버전, 개수를 보여 준다. --restore는 마지막 백업을 되살린다',
  'replace the database with its newest backup (the current file is moved aside, not deleted)':
    '데이터베이스를 가장 최근 백업으로 바꾼다 (현재 파일은 지우지 않고 다른 이름으로 옮겨 둔다)',
  'work with topic notes': '토픽 노트를 다룬다',
  'validate the shipped notes and your own; print each problem as file:line: message':
    '기본 제공 노트와 직접 만든 노트를 검사하고, 찾은 문제점을 하나씩 파일:줄: 메시지 형식으로 출력한다',
  'treat warnings as errors': '경고도 오류로 처리한다',
  "hold your notes to the shipped notes' rule: every fact in English and Korean":
    '직접 만든 노트에도 기본 제공 노트의 규칙을 적용한다: 모든 사실을 영어와 한국어로',
  'write a template note with one example of every fact kind': '사실 종류마다 예를 하나씩 담은 템플릿 노트를 만든다',
  'folder to write it in (default: --notes / SAA_NOTES, else the current folder)': '노트를 만들 폴더 (기본값: --notes / SAA_NOTES, 없으면 현재 폴더)',
  'the topic title': '토픽 제목',
  "show a topic's facts as a study sheet": '토픽의 사실을 학습용 정리표로 보여 준다',
  'export facts (Anki, JSON) and your history': '사실(Anki, JSON)과 학습 기록을 내보낸다',
  'Anki text import (tab separated, one card per fact, tags from topic, domain and group)':
    'Anki 텍스트 가져오기 파일을 출력한다 (탭 구분, 사실 하나에 카드 한 장, 태그는 토픽·도메인·그룹)',
  'an Anki package (.apkg) that Anki imports directly: saa note types, one deck per topic; --with-history adds your review schedule':
    'Anki가 바로 가져오는 Anki 패키지(.apkg)를 만든다: saa 노트 유형, 토픽마다 덱 하나. --with-history를 주면 복습 일정도 넣는다',
  'the .apkg file to write (replaced if it exists)': '쓸 .apkg 파일 (이미 있으면 바꾼다)',
  "carry each fact's review schedule and past reviews into its card (otherwise every card is new)":
    '사실마다 복습 일정과 지난 복습 기록을 카드에 담는다 (주지 않으면 모든 카드가 새 카드)',
  'In Anki: File → Import, choose the .apkg file. A newer export updates the notes in place; cards already in Anki keep their own schedule.':
    'Anki에서: File(파일) → Import(가져오기)로 .apkg 파일을 고른다. 더 새 내보내기는 노트를 그 자리에서 갱신하고, Anki에 이미 있는 카드는 자기 일정을 그대로 둔다.',
  'only these topics': '이 토픽만',
  'topics and facts as JSON; with --history also your answer log': '토픽과 사실을 JSON으로 출력한다. --history를 주면 답 기록도 넣는다',
  'include sessions and answers (for saa import history on another computer)': '세션과 답을 포함한다 (다른 컴퓨터에서 saa import history로 가져올 때)',
  'your sessions and answers as JSON, for saa import history': '세션과 답을 saa import history용 JSON으로 출력한다',
  'import a history exported by saa, or your own deck as a topic note': 'saa가 내보낸 기록이나 직접 만든 덱을 토픽 노트로 가져온다',
  'turn a CSV/TSV question bank (front, back, tags) or an Anki text export into a topic note of your own':
    'CSV/TSV 문제 모음(앞면, 뒷면, 태그)이나 Anki 텍스트 내보내기 파일을 내 토픽 노트로 만든다',
  'turn an Anki package (.apkg, .colpkg) into a topic note of your own': 'Anki 패키지(.apkg, .colpkg)를 내 토픽 노트로 만든다',
  'topic id of the new note (default: from the file name)': '새 노트의 토픽 id (기본값: 파일 이름에서)',
  'the topic title (default: the deck or file name)': '토픽 제목 (기본값: 덱 이름 또는 파일 이름)',
  'replace the note this file was imported to before': '이 파일을 전에 가져와 만든 노트를 바꾼다',
  'only this deck and the decks under it': '이 덱과 그 아래 덱만',
  "The separator, a header row (front,back,tags) and Anki's #separator/#html/#… column lines are detected; cloze notes ({{c1::…}}) become cloze facts.":
    '구분자, 머리글 줄(front,back,tags), Anki의 #separator/#html/#… column 줄은 저절로 알아낸다. 빈칸 노트({{c1::…}})는 빈칸 사실이 된다.',
  'Re-importing the same file with --force keeps every fact id, so your answers stay with their cards.':
    '같은 파일을 --force로 다시 가져와도 사실 id가 그대로라서 답 기록이 카드에 그대로 남는다.',
  'Basic notes give front and back (HTML and media are dropped), cloze notes give cloze facts; each fact id comes from the Anki note, so a re-import keeps your history.':
    '기본 노트는 앞면과 뒷면(HTML과 미디어는 뺀다), 빈칸 노트는 빈칸 사실이 된다. 사실 id는 Anki 노트에서 오므로 다시 가져와도 기록이 남는다.',
  'A package from a newer Anki needs File → Export, "Anki Deck Package" with "Support older Anki versions" ticked.':
    '새 버전 Anki의 패키지는 File(파일) → Export(내보내기)에서 "Anki Deck Package"를 고르고 "Support older Anki versions"를 체크해 다시 내보내야 한다.',
  'merge a history exported on another computer (answers already present are skipped; "-" reads stdin)':
    '다른 컴퓨터에서 내보낸 기록을 합친다 (이미 있는 답은 건너뛴다. 파일 자리에 "-"를 주면 표준 입력에서 읽는다)',
  'print a shell completion script (bash, zsh or fish) with commands, options and topic ids':
    '명령, 옵션, 토픽 id를 담은 셸 자동 완성 스크립트(bash, zsh 또는 fish)를 출력한다',
  'display help for command': '명령 도움말을 표시한다',
  '  saa topics                      list topics, fact counts and your accuracy': '  saa topics                      토픽 목록, 사실 수, 정답률',
  '  saa quiz --topic s3             10 questions on S3': '  saa quiz --topic s3             S3 문제 10개',
  '  saa quiz --style exam           exam-style scenario questions only': '  saa quiz --style exam           시험형 시나리오 문제만',
  '  saa review                      the facts due for review today': '  saa review                      오늘 복습할 사실',
  '  saa drill                       your weakest topics and facts': '  saa drill                       가장 약한 토픽과 사실',
  '  saa stats                       mastery, trend, streak and readiness': '  saa stats                       숙달도, 추이, 연속 학습일, 준비도',
  '  saa exam                        65 questions, 130 minutes, scaled score estimate': '  saa exam                        65문제, 130분, 환산 점수 추정',
  '  saa exam --print --seed 7       the questions of a mock exam, with keys and reasons':
    '  saa exam --print --seed 7       모의고사 문제를 정답, 이유와 함께 출력',
  '  saa questions --topic s3 --json generated questions, no prompts': '  saa questions --topic s3 --json 생성한 문제를 묻지 않고 출력',
  '  saa notes check                 validate the notes': '  saa notes check                 노트 검사',
  'Exit codes: 0 ok, 1 check failed, 2 usage error or bad input file, 3 database or notes unusable, 4 SQLite module missing, 130 interrupted.':
    '종료 코드: 0 정상, 1 검사 실패, 2 사용법 오류 또는 잘못된 입력 파일, 3 데이터베이스나 노트를 쓸 수 없음, 4 SQLite 모듈 없음, 130 중단됨.',
  'The quota of new facts comes from your exam date (saa stats --exam-date), else 15 a day.':
    '새 사실의 하루 할당량은 시험일(saa stats --exam-date)에 맞춰 정하고, 시험일이 없으면 하루 15개다.',
  'Keys: ↑/↓ or a number key to choose (space toggles in "choose two"), Enter to answer, Enter again after the feedback, Ctrl-C to stop (answers so far are kept).':
    '키: ↑/↓ 또는 숫자 키로 선택("두 개를 고르시오" 문제는 스페이스로 선택/해제), Enter로 답하기, 피드백 뒤 다시 Enter, Ctrl-C로 중단(지금까지의 답은 저장됨).',
  "Every answer (in quiz, drill, review or exam) updates that fact's review schedule.":
    '(quiz, drill, review, exam 어디서든) 모든 답은 그 사실의 복습 일정을 갱신한다.',
  'Keys: ↑/↓ or 1–9 choose, Enter answer, f flag, n/→ next, p/← previous, r review screen, Ctrl-C pause.':
    '키: ↑/↓ 또는 1–9 선택, Enter 답하기, f 표시, n/→ 다음, p/← 이전, r 검토 화면, Ctrl-C 일시정지.',
  'Answers are shown only at the end; time out submits the exam as it stands.': '정답은 시험이 끝난 뒤에만 보여 준다. 시간이 다 되면 그 상태 그대로 제출한다.',
  'In Anki: File → Import, choose the file; the header lines set the separator and the tags column.':
    'Anki에서: File(파일) → Import(가져오기)로 파일을 고른다. 구분자와 태그 열은 파일 첫머리의 헤더 줄이 정한다.',
  '  source <(saa completion bash)          # in ~/.bashrc': '  source <(saa completion bash)          # ~/.bashrc에 추가',
  '  source <(saa completion zsh)           # in ~/.zshrc': '  source <(saa completion zsh)           # ~/.zshrc에 추가',
  '  saa completion fish | source           # in config.fish': '  saa completion fish | source           # config.fish에 추가',
};
