/** Questions a candidate cannot game: avoided options, ranks and opposites never swapped, a subject for every statement, and the notes-check warnings. */
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/parse/note.js';
import { fillCloze } from '../../src/core/phrases.js';
import { namesSubject } from '../../src/core/questions/context.js';
import { ask, trueFalse } from '../../src/core/questions/generate.js';
import { wordForm } from '../../src/core/questions/giveaway.js';
import { createRng } from '../../src/core/random.js';
import type { Deck, Fact } from '../../src/core/types.js';
import { validateDeck } from '../../src/core/validate.js';
import { deckOf, frontMatter } from '../helpers/notes.js';

const factIn = (deck: Deck, key: string): Fact => {
  const f = deck.facts.find((x) => x.key === key);
  if (!f) throw new Error(`no fact ${key}`);
  return f;
};
/** Every false statement 60 seeds make of a fact. */
const falseStatements = (deck: Deck, f: Fact) =>
  Array.from({ length: 60 }, (_, seed) => trueFalse(deck, f, false, createRng(seed))).filter((q) => q !== null && q.answer === 1);

const ENCRYPTION = `${frontMatter('enc')}## Server-side encryption // 서버 측 암호화 {#sse}

- **SSE-S3** :: keys that S3 manages, AES-256, no extra charge // S3가 관리하는 키, AES-256, 추가 요금 없음
- **SSE-KMS** :: a KMS key, with CloudTrail records of every use of it {#sse-kms avoid="DSSE-KMS"}
  ko: KMS 키를 쓰고 키를 쓸 때마다 CloudTrail에 기록
- **DSSE-KMS** :: two layers of encryption with a KMS key, for rules that demand it // 규정이 요구할 때 KMS 키로 두 겹 암호화
- **SSE-C** :: keys the customer sends with every request // 요청마다 고객이 보내는 키
`;

describe('avoid= on every kind', () => {
  it('keeps an avoided term out of a term question, by its text or by its fact key', () => {
    const byText = deckOf(['01-enc.md', ENCRYPTION]);
    const byKey = deckOf(['01-enc.md', ENCRYPTION.replace('avoid="DSSE-KMS"', 'avoid="dsse-kms"')]);
    for (const deck of [byText, byKey]) {
      const kms = factIn(deck, 'sse-kms');
      for (let seed = 0; seed < 40; seed++) {
        const q = ask(deck, kms, { type: 'desc-term' }, createRng(seed));
        expect(q?.options.map((o) => o.text.en)).not.toContain('DSSE-KMS');
        expect(q?.options).toHaveLength(3);
      }
    }
  });

  it('keeps an avoided value out of a table cell and a cloze blank', () => {
    const note = `${frontMatter('t')}| Class // 클래스 {#cls} | Retrieval // 검색 |
|---|---|
| Standard {#standard avoid="instant"} | milliseconds // 밀리초 |
| Glacier Instant | instant // 즉시 |
| Glacier Flexible | minutes to hours // 수 분~수 시간 |
| Deep Archive | hours // 수 시간 |
| One Zone-IA | ms // ms |

## Sizes // 크기 {#sizes}

- A PUT holds up to {{5 GB}}. // PUT 하나는 최대 {{5 GB}}. {#put avoid="5 TB"}
- An object holds up to {{5 TB}}. // 객체 하나는 최대 {{5 TB}}. {#object}
- A part holds at least {{5 MB}}. // 파트 하나는 최소 {{5 MB}}. {#part}
- A row holds up to {{400 KB}}. // 항목 하나는 최대 {{400 KB}}. {#row}
`;
    const deck = deckOf(['01-t.md', note]);
    for (let seed = 0; seed < 40; seed++) {
      expect(ask(deck, factIn(deck, 'standard'), { type: 'cell', column: 0 }, createRng(seed))?.options.map((o) => o.text.en)).not.toContain('instant');
      expect(ask(deck, factIn(deck, 'put'), { type: 'cloze', blank: 0 }, createRng(seed))?.options.map((o) => o.text.en)).not.toContain('5 TB');
    }
  });
});

describe('false statements that give themselves away are not made', () => {
  it('never puts an opposite sibling’s description under a term ("Minimum capacity: the ceiling …")', () => {
    const note = `${frontMatter('asg')}## Capacity // 용량 {#cap}

- **Minimum capacity** :: the floor below which no scale-in goes // 축소해도 내려가지 않는 바닥
- **Maximum capacity** :: the ceiling that no scale-out exceeds // 확장해도 넘지 않는 천장
- **Desired capacity** :: the count the group works to keep running now // 그룹이 지금 유지하려는 대수
- **Warm pool** :: pre-initialized instances kept stopped for fast scale-out // 빠른 확장을 위해 미리 준비해 멈춰 둔 인스턴스
`;
    const deck = deckOf(['01-asg.md', note]);
    const swapped = falseStatements(deck, factIn(deck, 'minimum-capacity')).map((q) => q?.swappedFrom);
    expect(swapped.length).toBeGreaterThan(10);
    expect(swapped).not.toContain('asg.cap.maximum-capacity');
    // A ranked group swaps none of its own.
    const ranked = deckOf(['01-asg.md', note.replace('{#cap}', '{#cap ranked}')]);
    expect(falseStatements(ranked, factIn(ranked, 'desired-capacity'))).toEqual([]);
  });

  const TABLE = `${frontMatter('dr')}| Strategy // 전략 {#dr RANKED} | Cost // 비용 | Recovery // 복구 |
|---|---|---|
| Backup and restore // 백업 및 복원 | lowest // 가장 낮음 | hours // 수 시간 |
| Pilot light // 파일럿 라이트 | low // 낮음 | tens of minutes // 수십 분 |
| Warm standby // 웜 스탠바이 | high // 높음 | minutes // 수 분 |
| Active/active // 액티브/액티브 | highest // 가장 높음 | near zero // 거의 0 |
`;

  it('never swaps a step of the same scale ("low" for "lowest"), and never a column marked ranked', () => {
    const plain = deckOf(['01-dr.md', TABLE.replace(' RANKED', '')]);
    const backup = factIn(plain, 'backup-and-restore');
    const statements = falseStatements(plain, backup).map((q) => q?.prompt.en ?? '');
    expect(statements.some((s) => s.includes('Cost: high'))).toBe(true);
    expect(statements.filter((s) => /Cost: low$/.test(s))).toEqual([]);
    const ranked = deckOf(['01-dr.md', TABLE.replace('RANKED', 'ranked="Cost"')]);
    const rankedStatements = falseStatements(ranked, factIn(ranked, 'backup-and-restore')).map((q) => q?.prompt.en ?? '');
    expect(rankedStatements.length).toBeGreaterThan(10);
    expect(rankedStatements.filter((s) => s.includes('Cost:'))).toEqual([]);
  });

  it('warns about a column that reads as ranks until it is marked, and refuses an unknown ranked column', () => {
    const plain = deckOf(['01-dr.md', TABLE.replace(' RANKED', '')]);
    expect(validateDeck(plain, { quality: true }).map((d) => d.message)).toContainEqual(expect.stringContaining('column "Cost" of table #dr reads as ranks'));
    const marked = deckOf(['01-dr.md', TABLE.replace('RANKED', 'ranked="Cost"')]);
    expect(validateDeck(marked, { quality: true }).filter((d) => d.message.includes('reads as ranks'))).toEqual([]);
    const wrong = parseNote('01-dr.md', TABLE.replace('RANKED', 'ranked="Price"'));
    expect(wrong.diagnostics.map((d) => d.message)).toContain('ranked names column "Price", which this table does not have');
  });
});

describe('a statement that does not name its subject', () => {
  const note = (heading: string, title = 'Amazon S3') => `---
id: s3
title: { en: ${title}, ko: ${title} }
domains: [cost]
---
## ${heading} // 수명 주기 {#life}

- [T] Rules apply to objects that already exist as well as new ones. // 규칙은 새 객체뿐 아니라 이미 있는 객체에도 적용된다. {#existing}
- [F] Amazon EFS moves file metadata to Infrequent Access. => Metadata always stays in Standard. // Amazon EFS는 파일 메타데이터도 IA로 옮긴다. => 메타데이터는 Standard에 남는다. {#efs-meta}
- A transition to an infrequent-access class needs objects at least {{30}} days old. // 자주 읽지 않는 클래스로 전환하려면 객체가 최소 {{30}}일 지나야 한다. {#min-age}
`;

  it('is asked under its group’s heading; one that names its subject is asked as written', () => {
    const deck = deckOf(['01-s3.md', note('S3 Lifecycle rules')]);
    expect(trueFalse(deck, factIn(deck, 'existing'), true, createRng(1))?.prompt.en).toBe(
      'True or false?\n[S3 Lifecycle rules] Rules apply to objects that already exist as well as new ones.',
    );
    expect(trueFalse(deck, factIn(deck, 'existing'), true, createRng(1))?.prompt.ko).toContain('[수명 주기] 규칙은');
    expect(trueFalse(deck, factIn(deck, 'efs-meta'), false, createRng(1))?.prompt.en).toBe(
      'True or false?\nAmazon EFS moves file metadata to Infrequent Access.',
    );
    expect(trueFalse(deck, factIn(deck, 'min-age'), true, createRng(1))?.prompt.en).toBe(
      'True or false?\n[S3 Lifecycle rules] A transition to an infrequent-access class needs objects at least 30 days old.',
    );
  });

  it('does not take a unit or a protocol for a subject', () => {
    const deck = deckOf(['01-s3.md', note('S3 Lifecycle rules')]);
    expect(namesSubject(deck, 's3', { en: 'An item can be at most 400 KB over HTTPS.' })).toBe(false);
    expect(namesSubject(deck, 's3', { en: 'An item in DynamoDB can be at most 400 KB.' })).toBe(true);
    expect(namesSubject(deck, 's3', { en: 'Metadata moves to Infrequent Access in Amazon EFS.' })).toBe(true);
  });

  it('falls back to the topic’s title, and notes check warns when that title names several services', () => {
    const single = deckOf(['01-s3.md', note('Lifecycle')]);
    expect(trueFalse(single, factIn(single, 'existing'), true, createRng(1))?.prompt.en).toContain('[Amazon S3] Rules apply');
    expect(validateDeck(single, { quality: true }).filter((d) => d.message.includes('does not name what it is about'))).toEqual([]);
    const several = deckOf(['01-s3.md', note('Lifecycle', '"Storage: S3, EFS and FSx"')]);
    const warnings = validateDeck(several, { quality: true }).filter((d) => d.message.includes('does not name what it is about'));
    expect(warnings.map((d) => d.line)).toEqual([8, 10]);
    expect(warnings[0]?.message).toContain('heading "Lifecycle" cannot stand in');
  });
});

describe('notes check warnings for giveaways', () => {
  it('points at a term whose every question names it, and at a false-statement skew toward absolute words', () => {
    const note = `${frontMatter('lk')}## Locks // 잠금 {#locks}

- **Glacier Vault Lock** :: a policy on a Glacier vault that can no longer change once it is locked // 잠그면 바꿀 수 없는 Glacier 저장소 정책
- **Object Lock** :: write-once-read-many protection of object versions for a retention period // 보존 기간 동안 객체 버전을 WORM으로 보호
- **Legal hold** :: keeps a version from deletion with no end date until someone removes it // 누군가 풀 때까지 종료일 없이 버전 삭제를 막음

## Traps // 함정 {#traps}

- [F] Object Lock always applies to every bucket. => Only to buckets created with it or enabled later. // Object Lock은 항상 모든 버킷에 적용된다. => 켠 버킷에만 적용된다. {#a}
- [F] Legal hold never expires on its own and cannot be removed. => Someone with permission can remove it. // 법적 보존은 절대 풀 수 없다. => 권한이 있으면 풀 수 있다. {#b}
- [F] Only the root user can set a retention period. => Any principal with the permission can. // 루트 사용자만 보존 기간을 정할 수 있다. => 권한이 있는 누구나 정할 수 있다. {#c}
- [F] Every version is locked once Object Lock is on. => Only versions with a retention setting or hold. // Object Lock을 켜면 모든 버전이 잠긴다. => 보존 설정이나 보존 조치가 있는 버전만 잠긴다. {#d}
- [T] Object Lock needs versioning on the bucket. // Object Lock에는 버킷 버전 관리가 필요하다. {#e}
- [T] Governance mode lets permitted users shorten a retention period. // 거버넌스 모드에서는 허용된 사용자가 보존 기간을 줄일 수 있다. {#f}
`;
    const messages = validateDeck(deckOf(['01-lk.md', note]), { quality: true }).map((d) => d.message);
    expect(messages).toContainEqual(
      expect.stringMatching(/fact "lk\.locks\.glacier-vault-lock": every multiple-choice question names the answer in its stem \(.*"vault"/),
    );
    expect(messages).toContainEqual(expect.stringContaining('4 of 4 false statements in topic "lk" turn on an absolute word'));
    // With as many true statements that use such words, "always" no longer tells the answer.
    const balanced = note
      .replace('needs versioning on the bucket', 'always needs versioning on the bucket')
      .replace('lets permitted users', 'only lets permitted users');
    expect(validateDeck(deckOf(['01-lk.md', balanced]), { quality: true }).map((d) => d.message)).not.toContainEqual(
      expect.stringContaining('turn on an absolute word'),
    );
  });
});

describe('notes check warnings for a key much longer than its wrong options', () => {
  // The same three wrong options, alike in length, for every item below.
  const WRONG_OPTIONS = [
    'Use EBS gp3 volumes. // EBS gp3 볼륨을 쓴다.',
    'Use EFS Standard. // EFS Standard를 쓴다.',
    'Use instance store. // 인스턴스 스토어를 쓴다.',
  ]
    .map((o) => `  - [ ] ${o}\n    why: It fails here. // 여기서는 맞지 않는다.\n`)
    .join('');
  it('points at an exam-style item whose keyed option dwarfs the others', () => {
    const item = (key: string, koKey = key) => `${frontMatter('ln')}## Exam-style questions // 시험형 문제 {#exam}

- Q: A team must store logs cheaply for a year and read them rarely. Which solution is the MOST cost-effective? {#logs task=4.1}
  ko: 한 팀이 로그를 1년 동안 싸게 보관하고 가끔 읽어야 한다. 가장 비용 효율적인 방법은?
  - [x] ${key}
    ko: ${koKey}
    why: Cheapest for rare reads. // 가끔 읽는 데 가장 싸다.
${WRONG_OPTIONS}`;
    const long = validateDeck(
      deckOf(['01-ln.md', item('Write the logs to S3 and add a lifecycle rule that moves them to S3 Glacier Deep Archive after 30 days.')]),
      { quality: true },
    );
    expect(long.map((d) => d.message)).toContainEqual(expect.stringContaining('item "ln.exam.logs": a keyed option is much longer than every wrong one'));
    const even = validateDeck(deckOf(['01-ln.md', item('Use S3 Glacier Deep Archive.', 'Deep Archive를 쓴다.')]), { quality: true });
    expect(even.filter((d) => d.message.includes('much longer'))).toEqual([]);
  });

  it('looks at every key of a "choose two" item, not only the first', () => {
    const item = (second: string) => `${frontMatter('lm')}## Exam-style questions // 시험형 문제 {#exam}

- Q: A team must keep logs for a year at the lowest cost and find them again. Which combination of steps meets these requirements? {#logs2 task=4.1}
  ko: 한 팀이 로그를 1년 동안 가장 싸게 보관하고 다시 찾을 수 있어야 한다. 이 요구 사항을 충족하는 단계의 조합은 무엇인가?
  - [x] Use Deep Archive. // Deep Archive를 쓴다.
    why: Cheapest for rare reads. // 가끔 읽는 데 가장 싸다.
  - [x] ${second}
    why: Names are searchable. // 이름으로 찾을 수 있다.
${WRONG_OPTIONS}`;
    const warnings = (second: string) =>
      validateDeck(deckOf(['01-lm.md', item(second)]), { quality: true })
        .map((d) => d.message)
        .filter((m) => m.includes('much longer'));
    expect(
      warnings(
        'Name each object by date and service, and record every name in a DynamoDB index table. // 객체 이름을 날짜와 서비스로 짓고 모든 이름을 DynamoDB 인덱스 테이블에 기록한다.',
      ),
    ).toEqual([expect.stringContaining('item "lm.exam.logs2": a keyed option is much longer')]);
    expect(warnings('Name objects by date. // 객체 이름을 날짜로 짓는다.')).toEqual([]);
  });
});

describe('a Korean particle after a cloze blank', () => {
  it('agrees with whatever fills the blank, and shows both forms at the gap', () => {
    expect(fillCloze('{{정책}}을 붙인다', 0, '키')).toBe('키를 붙인다');
    expect(fillCloze('{{정책}}을 붙인다', 0, '역할')).toBe('역할을 붙인다');
    expect(fillCloze('최대 {{5 GB}}를 올린다', 0, '16 TiB')).toBe('최대 16 TiB를 올린다');
    expect(fillCloze('{{정책}}을 붙인다', 0)).toBe('_____을(를) 붙인다');
    // A syllable that begins a word is not a particle.
    expect(fillCloze('{{5}}이상', 0, '7')).toBe('7이상');
    expect(fillCloze('{{정책}}을 {{역할}}에', -1)).toBe('정책을 역할에');
  });
});

describe('one form per word for the giveaway check', () => {
  it('folds English plurals and drops Korean particles', () => {
    expect(['APIs', 'policies', 'functions는', '버킷을', 'access', 'status'].map(wordForm)).toEqual(['api', 'policy', 'function', '버킷', 'access', 'status']);
  });
});

describe('cloze values of a like magnitude', () => {
  const sizes = ['4 KB', '1 KB', '10 MiB', '150 GB', '5 GB', '64 GiB'];
  const note = `${frontMatter('sz')}## Sizes {#sizes}
- A task gets {{20 GiB}} of scratch storage. // 태스크는 {{20 GiB}}의 임시 스토리지를 받는다. {#scratch}
${sizes.map((v, i) => `- Limit number ${i} is {{${v}}} per item. // ${i}번 한도는 항목당 {{${v}}}이다. {#limit-${i}}`).join('\n')}
`;
  const deck = deckOf(['01-sz.md', note]);

  it('prefers sizes within a hundred times of the key, in any unit, over far ones', () => {
    const fact = factIn(deck, 'scratch');
    for (let seed = 0; seed < 30; seed++) {
      const q = ask(deck, fact, { type: 'cloze', blank: 0 }, createRng(seed));
      expect(q?.options.map((o) => o.text.en).sort()).toEqual(['150 GB', '20 GiB', '5 GB', '64 GiB']);
    }
  });
});
