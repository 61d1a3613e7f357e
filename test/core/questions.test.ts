import { describe, expect, it } from 'vitest';
import { auditQuestions } from '../../src/core/audit.js';
import { ask, choiceFor, factSummary, shapesOf, trueFalse } from '../../src/core/questions/generate.js';
import { keyWordsInStem } from '../../src/core/questions/giveaway.js';
import type { Shape } from '../../src/core/questions/shape.js';
import { unitClass } from '../../src/core/questions/units.js';
import { buildQuiz } from '../../src/core/quiz.js';
import { createRng } from '../../src/core/random.js';
import { sameText } from '../../src/core/text.js';
import type { Deck, Fact } from '../../src/core/types.js';
import { deckOf, frontMatter, SAMPLE } from '../helpers/notes.js';

const deck = deckOf(['01-demo.md', SAMPLE]);

/** `cell:1` → the shape it names, so a test reads like the question id. */
function shape(id: string): Shape {
  const [type, n] = id.split(':');
  if (type === 'cell' || type === 'cell-label') return { type, column: Number(n) };
  if (type === 'cloze') return { type, blank: Number(n) };
  return { type } as Shape;
}
const multipleChoice = (d: Deck, f: Fact, id: string, rng: ReturnType<typeof createRng>) => ask(d, f, shape(id), rng);
const fact = (id: string) => {
  const f = deck.factsById.get(id);
  if (!f) throw new Error(`no fact ${id}`);
  return f;
};

describe('multiple choice', () => {
  it('asks a term both ways with distractors from its group', () => {
    const athena = fact('demo.svc.amazon-athena');
    const q1 = multipleChoice(deck, athena, 'term-desc', createRng(1));
    expect(q1?.prompt.en).toBe('Which statement describes Amazon Athena?');
    expect(q1?.options).toHaveLength(4);
    expect(q1?.options[q1.answer]?.text.en).toBe('serverless SQL over files in S3');
    for (const o of q1?.options ?? []) expect(o.source?.startsWith('demo.svc.')).toBe(true);

    const q2 = multipleChoice(deck, athena, 'desc-term', createRng(1));
    expect(q2?.prompt.ko).toContain('S3 파일에 서버 없이 SQL 실행');
    expect(q2?.options[q2.answer]?.text.en).toBe('Amazon Athena');
  });

  it('asks a table cell with values from the same column only', () => {
    const q = multipleChoice(deck, fact('demo.ebs.st1'), 'cell:1', createRng(2));
    expect(q?.prompt.en).toBe('st1 (EBS type): which value fits “Max IOPS”?');
    expect(q?.options.map((o) => o.text.en).sort()).toEqual(['16,000', '250', '256,000', '500']);
    expect(q?.options[q.answer]?.text.en).toBe('500');
  });

  it('does not ask for a row by a value other rows share', () => {
    // Two rows are HDD, so "which has Media: HDD?" would have two right answers.
    expect(multipleChoice(deck, fact('demo.ebs.st1'), 'cell-label:0', createRng(1))).toBeNull();
    const q = multipleChoice(deck, fact('demo.ebs.st1'), 'cell-label:1', createRng(1));
    expect(q?.options[q.answer]?.text.en).toBe('st1');
  });

  it('gives a column with two distinct values no multiple-choice question', () => {
    expect(multipleChoice(deck, fact('demo.ebs.st1'), 'cell:0', createRng(1))).toBeNull();
  });

  it('fills a cloze blank with blanks of the same unit class', () => {
    const q = multipleChoice(deck, fact('demo.limits.put'), 'cloze:0', createRng(3));
    expect(q?.prompt.en).toBe('Fill in the blank:\nA single PUT uploads at most _____.');
    for (const o of q?.options ?? []) expect(unitClass(o.text.en ?? '')).toBe('size');
  });

  it('never offers a value that another blank of the same sentence shows', () => {
    const d = deckOf([
      '01-tunnels.md',
      `${frontMatter('tunnels')}## T // 터널 {#t}\n` +
        '- A standard tunnel carries {{1 Gbps}}; a large one {{5 Gbps}}. // 표준 터널 {{1 Gbps}}, 대형 터널 {{5 Gbps}}. {#tunnel}\n' +
        '- A port runs at {{5 Gbps}}. // 포트는 {{5 Gbps}}. {#port}\n- A link runs at {{2 Gbps}}. // 링크는 {{2 Gbps}}. {#link}\n' +
        '- A hosted link runs at {{3 Gbps}}. // 호스티드 링크는 {{3 Gbps}}. {#hosted}\n',
    ]);
    const tunnel = d.factsById.get('tunnels.t.tunnel')!;
    for (let seed = 0; seed < 40; seed++) {
      const q = multipleChoice(d, tunnel, 'cloze:0', createRng(seed));
      expect(q?.options.map((o) => o.text.en)).not.toContain('5 Gbps');
      const tf = trueFalse(d, tunnel, false, createRng(seed));
      expect(tf?.prompt.en ?? '').not.toContain('standard tunnel carries 5 Gbps');
    }
  });

  it('never offers an avoided answer in a scenario', () => {
    for (let seed = 0; seed < 50; seed++) {
      const q = multipleChoice(deck, fact('demo.svc.bi'), 'scenario', createRng(seed));
      expect(q?.options.map((o) => o.text.en)).not.toContain('Amazon EMR');
      expect(q?.options[q.answer]?.text.en).toBe('Amazon Redshift');
    }
  });

  it('returns null when a group cannot give three options', () => {
    const small = deckOf(['01-small.md', `${frontMatter('small')}## G // 그룹 {#g}\n- Only {{5 apples}} here. // 여기엔 {{5 apples}}뿐. {#one}\n`]);
    const f = small.facts[0];
    expect(f && shapesOf(small, f, 'fact').map((v) => ask(small, f, v, createRng(1)))).toEqual([null]);
  });
});

describe('true/false', () => {
  it('keeps an authored statement and its truth', () => {
    const q = trueFalse(deck, fact('demo.traps.nesting'), true, createRng(1));
    expect(q?.answer).toBe(1);
    expect(q?.options.map((o) => o.text.en)).toEqual(['True', 'False']);
    expect(q?.explanation.en).toBe('Groups contain users only.');
  });

  it('makes a false statement by swapping in a sibling value and says whose it is', () => {
    const q = trueFalse(deck, fact('demo.svc.aws-glue'), false, createRng(4));
    expect(q?.answer).toBe(1);
    expect(q?.prompt.en).toMatch(/^True or false\?\nAWS Glue: /);
    expect(q?.prompt.en).not.toContain('serverless ETL jobs');
    const source = deck.factsById.get(q?.swappedFrom ?? '');
    expect(source?.kind).toBe('term');
    expect(q?.prompt.en).toContain(source?.kind === 'term' ? source.description.en : '?');
  });

  it('states a true one with the fact itself', () => {
    const q = trueFalse(deck, fact('demo.limits.object'), true, createRng(4));
    // The sentence names no service, so its heading (here the topic's title) says what it is about.
    expect(q?.prompt.ko).toBe('참인가, 거짓인가?\n[demo 제목] 객체는 최대 5 TB.');
    expect(q?.answer).toBe(0);
  });
});

describe('buildQuiz', () => {
  const topicIds = ['demo'];

  it('is deterministic under a seed and varies across seeds', () => {
    const a = buildQuiz(deck, { topicIds, count: 10, type: 'mixed' }, createRng('42'));
    const b = buildQuiz(deck, { topicIds, count: 10, type: 'mixed' }, createRng('42'));
    const c = buildQuiz(deck, { topicIds, count: 10, type: 'mixed' }, createRng('43'));
    expect(b).toEqual(a);
    expect(c.map((q) => q.id)).not.toEqual(a.map((q) => q.id));
  });

  it('never asks a fact twice and stops when facts run out', () => {
    const qs = buildQuiz(deck, { topicIds, count: 100, type: 'mixed', style: 'fact' }, createRng(1));
    expect(qs).toHaveLength(deck.facts.length);
    expect(new Set(qs.map((q) => q.factId)).size).toBe(qs.length);
  });

  it('honours the question type', () => {
    const mc = buildQuiz(deck, { topicIds, count: 100, type: 'mc' }, createRng(1));
    expect(mc.every((q) => q.format === 'mc')).toBe(true);
    expect(mc.some((q) => q.factId === 'demo.traps.nesting')).toBe(false);
    const tf = buildQuiz(deck, { topicIds, count: 100, type: 'tf' }, createRng(1));
    expect(tf.every((q) => q.format === 'tf' && q.options.length === 2)).toBe(true);
  });

  it('gives every option a reason, and a wrong option the fact it came from', () => {
    for (let seed = 0; seed < 30; seed++) {
      for (const q of buildQuiz(deck, { topicIds, count: 100, type: 'mc' }, createRng(seed))) {
        expect(q.options.filter((o) => o.correct)).toHaveLength(1);
        for (const o of q.options) {
          const source = deck.factsById.get(o.source ?? '');
          expect(source).toBeDefined();
          if (source) expect(factSummary(deck, source).en).toBeTruthy();
          expect(o.reason.en && o.reason.ko, q.id).toBeTruthy();
          // A wrong option names the fact it belongs to: a table value or label by its row and column, others by the whole fact.
          if (!o.correct && source?.kind === 'row') expect(o.reason.en?.startsWith(`${source.label.en} has `), o.reason.en).toBe(true);
          else if (!o.correct && source) expect(o.reason.en).toContain(factSummary(deck, source).en);
        }
        for (let i = 0; i < q.options.length; i++)
          for (let j = i + 1; j < q.options.length; j++) expect(sameText(q.options[i]?.text ?? {}, q.options[j]?.text ?? {})).toBe(false);
      }
    }
  });
});

describe('the audit of what the notes produce', () => {
  const giveaway = `${frontMatter('aud')}## Locks // 잠금 {#locks}

- **Glacier Vault Lock** :: a policy on a Glacier vault that can no longer change once it is locked // 잠그면 바꿀 수 없는 Glacier 저장소 정책
- **Object Lock** :: write-once-read-many protection of object versions for a retention period // 보존 기간 동안 객체 버전을 WORM으로 보호
- **Legal hold** :: keeps a version from deletion with no end date until someone removes it // 누군가 풀 때까지 종료일 없이 버전 삭제를 막음
- **MFA delete** :: demands a second factor before a version is deleted for good // 버전을 영구 삭제하기 전에 두 번째 인증 요소를 요구
`;

  it('counts a stem that names a word only its key has, and the quiz generator never asks it', () => {
    const deck = deckOf(['01-aud.md', giveaway]);
    const vault = deck.facts.find((f) => f.key === 'glacier-vault-lock');
    const q = vault && ask(deck, vault, { type: 'term-desc' }, createRng(1));
    expect(q && keyWordsInStem(deck, q)).toEqual(expect.arrayContaining(['glacier', 'vault']));
    for (let seed = 0; seed < 30; seed++) {
      const c = vault && choiceFor(deck, vault, createRng(seed));
      if (c) expect(keyWordsInStem(deck, c)).toEqual([]);
    }
    const audit = auditQuestions(deck, ['aud'], 'en');
    const named = audit.patterns.find((p) => p.name.startsWith('stem names a word only the key has (fact questions'));
    expect(named?.count).toBeGreaterThanOrEqual(2);
    expect(named?.examples.some((e) => e.id.startsWith('aud.locks.glacier-vault-lock#'))).toBe(true);
    expect(audit.patterns.find((p) => p.name.includes('in the mixed quizzes, after the filter'))?.count).toBe(0);
  });
});

describe('a term whose front is a question (an imported card)', () => {
  const note = `${frontMatter('qa')}## Cards {#cards}
- **What is the largest object S3 can store?** :: 50 TB // **S3가 저장하는 가장 큰 객체는?** :: 50 TB {#s3-max}
- **How long can an SQS message stay in a queue at most?** :: 14 days // **SQS 메시지가 대기열에 머무를 수 있는 최대 기간은?** :: 14일 {#sqs-max}
- **What is the largest item size in DynamoDB?** :: 400 KB // **DynamoDB 항목의 최대 크기는?** :: 400 KB {#ddb-max}
- **Which EBS volume type is the default for boot volumes?** :: gp3 // **부팅 볼륨의 기본 EBS 볼륨 유형은?** :: gp3 {#ebs-default}
`;
  const deck = deckOf(['01-qa.md', note]);
  const fact = deck.facts.find((f) => f.key === 's3-max') as Fact;

  it('is asked as it stands, with the other cards’ answers as options, and never the reverse way', () => {
    expect(shapesOf(deck, fact, 'fact')).toEqual([{ type: 'term-desc' }]);
    const q = ask(deck, fact, { type: 'term-desc' }, createRng(1));
    expect(q?.prompt).toEqual({ en: 'What is the largest object S3 can store?', ko: 'S3가 저장하는 가장 큰 객체는?' });
    expect(q?.options.map((o) => o.text.en).sort()).toEqual(['14 days', '400 KB', '50 TB', 'gp3']);
    expect(ask(deck, fact, { type: 'desc-term' }, createRng(1))).toBeNull();
    const wrong = q?.options.find((o) => !o.correct);
    expect(wrong?.reason.en).toMatch(/^This answers another question: .+\? — /);
    expect(wrong?.reason.ko).toMatch(/^다른 질문의 답이다: /);
  });

  it('reads as question and answer in a true/false statement', () => {
    const q = trueFalse(deck, fact, true, createRng(1));
    expect(q?.prompt.en?.split('\n').at(-1)).toBe('What is the largest object S3 can store? — 50 TB');
  });
});
