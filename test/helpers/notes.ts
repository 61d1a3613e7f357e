/** Builders for small in-memory notes used by core tests. */
import { buildDeck } from '../../src/core/deck.js';
import { parseNote } from '../../src/core/parse/note.js';
import type { Deck } from '../../src/core/types.js';

export function frontMatter(id: string, domains = '[secure]'): string {
  return `---\nid: ${id}\ntitle: { en: ${id} title, ko: ${id} 제목 }\ndomains: ${domains}\n---\n`;
}

export function deckOf(...notes: [file: string, text: string][]): Deck {
  const parsed = notes.map(([file, text]) => {
    const r = parseNote(file, text, { requireBothLanguages: true });
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    if (!r.note || errors.length) throw new Error(`fixture ${file} is invalid: ${JSON.stringify(r.diagnostics)}`);
    return r.note;
  });
  return buildDeck(parsed).deck;
}

/** A small but complete note with every fact kind, in both languages. */
export const SAMPLE = `${frontMatter('demo', '[resilient, cost]')}
# Demo topic

Some prose that is not a fact.

## Services // 서비스 {#svc} #analytics

- **Amazon Athena** :: serverless SQL over files in S3 // S3 파일에 서버 없이 SQL 실행
- **AWS Glue** :: serverless ETL jobs and a data catalog // 서버리스 ETL 작업과 데이터 카탈로그
- **Amazon EMR** :: managed Hadoop and Spark clusters
  ko: 관리형 Hadoop·Spark 클러스터
- **Amazon Redshift** :: columnar data warehouse for OLAP // OLAP용 컬럼형 데이터 웨어하우스
- ? Query CSV files in S3 ad hoc without servers => Amazon Athena // 서버 없이 S3의 CSV 파일을 즉석 쿼리 => Amazon Athena {#adhoc}
- ? Run petabyte-scale BI reports on structured data => Amazon Redshift // 페타바이트 규모 정형 데이터로 BI 리포트 => Amazon Redshift {#bi avoid="Amazon EMR"}

## Traps // 함정 {#traps}

- [T] Security groups are stateful. // 보안 그룹은 stateful이다. {#sg-stateful}
- [F] An IAM group can contain other groups. => Groups contain users only. // IAM 그룹은 다른 그룹을 포함할 수 있다. => 그룹에는 사용자만 들어간다. {#nesting}

## Limits // 한도 {#limits}

- A single PUT uploads at most {{5 GB}}. // 단일 PUT은 최대 {{5 GB}}. {#put}
- An object is at most {{5 TB}}. // 객체는 최대 {{5 TB}}. {#object}
- Multipart upload is recommended from {{100 MB}}. // 멀티파트 업로드는 {{100 MB}}부터 권장. {#multipart}
- Lambda memory goes up to {{10,240 MB}}. // Lambda 메모리는 최대 {{10,240 MB}}. {#lambda-memory}

| EBS type // EBS 유형 {#ebs} | Media // 매체 | Max IOPS // 최대 IOPS | Boot // 부팅 |
|---|---|---|---|
| gp3 | SSD | 16,000 | yes // 가능 |
| io2 Block Express | SSD | 256,000 | yes // 가능 |
| st1 | HDD | 500 | no // 불가 |
| sc1 | HDD | 250 | no // 불가 |
`;

/** An exam-style item with one key and three wrong options, every line in both languages. */
export function item(key: string, task: string, options: { key?: boolean; text: string }[] = []): string {
  const opts = options.length
    ? options
    : [
        { key: true, text: 'Use Amazon S3 with a lifecycle rule' },
        { text: 'Use Amazon EBS snapshots' },
        { text: 'Use Amazon EFS with IA' },
        { text: 'Use an instance store' },
      ];
  return [
    `- Q: A company keeps logs for a year. Reads are rare after a month. Which solution is the MOST cost-effective? {#${key} task=${task}}`,
    '  ko: 한 회사가 로그를 1년 보관한다. 한 달이 지나면 거의 읽지 않는다. 가장 비용 효율적인 방법은?',
    ...opts.flatMap((o, i) => [
      `  - [${o.key ? 'x' : ' '}] ${o.text} (${key} ${i})`,
      `    ko: ${o.text} 한국어 (${key} ${i})`,
      `    why: reason ${i} for ${key}`,
      `    ko: ${key}의 이유 ${i}`,
    ]),
  ].join('\n');
}
