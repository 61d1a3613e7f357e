/** A deck with one topic per SAA-C03 domain, built from the sample note. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMAINS } from '../../src/core/types.js';
import { deckOf, item, SAMPLE } from './notes.js';

/** Enough statements and a five-row table for "choose two" questions. */
const MORE = `
## More traps // 추가 함정 {#more}

- [T] S3 is an object store. // S3는 객체 스토리지다. {#s3-object}
- [T] An EBS volume lives in one AZ. // EBS 볼륨은 하나의 AZ에 있다. {#ebs-az}
- [F] IAM is a regional service. => IAM is global. // IAM은 리전 서비스다. => IAM은 글로벌 서비스다. {#iam-regional}
- [F] Network ACLs are stateful. => They are stateless. // 네트워크 ACL은 stateful이다. => stateless다. {#nacl}
- [F] A VPC spans Regions. => A VPC stays in one Region. // VPC는 여러 리전에 걸친다. => VPC는 한 리전 안에 있다. {#vpc-region}

| Database // 데이터베이스 {#db} | Model // 모델 |
|---|---|
| Amazon RDS | relational // 관계형 |
| Amazon Aurora | relational // 관계형 |
| Amazon DynamoDB | key-value // 키-값 |
| Amazon Neptune | graph // 그래프 |
| Amazon DocumentDB | document // 문서 |
`;

/** Four authored items per note, in the note's own domain (task 1.1, 2.1, 3.1 or 4.1); the last is "choose two". */
function items(task: string): string {
  const two = [{ key: true, text: 'Key one' }, { key: true, text: 'Key two' }, { text: 'Wrong one' }, { text: 'Wrong two' }, { text: 'Wrong three' }];
  return `\n## Exam-style questions // 시험형 문제 {#exam}\n\n${[item('i1', task), item('i2', task), item('i3', task), item('i4', task, two)].join('\n\n')}\n`;
}

export function domainNotes(): [file: string, text: string][] {
  return DOMAINS.map((d, i) => [
    `4${i}-t${d}.md`,
    SAMPLE.replace('id: demo', `id: t${d}`).replace('domains: [resilient, cost]', `domains: [${d}]`) + MORE + items(`${i + 1}.1`),
  ]);
}

export const examDeck = () => deckOf(...domainNotes());

/** Writes the four domain notes into `dir` (a notes folder for CLI tests). */
export function writeDomainNotes(dir: string): void {
  for (const [file, text] of domainNotes()) writeFileSync(join(dir, file), text);
}
