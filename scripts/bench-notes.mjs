/** The synthetic notes `npm run bench` loads to see how saa scales with the size of the notes. */
const DOMAINS = ['secure', 'resilient', 'performant', 'cost'];

/** A synthetic note of 30 facts: terms, a table, statements, clozes and scenarios, in both languages. */
export function syntheticNote(n) {
  const id = `gen-${n}`;
  const lines = [
    '---',
    `id: ${id}`,
    `title: { en: Generated ${n}, ko: 생성 ${n} }`,
    `domains: [${DOMAINS[n % 4]}, ${DOMAINS[(n + 1) % 4]}]`,
    '---',
    '',
    `## Services ${n} // 서비스 ${n} {#svc}`,
    '',
  ];
  for (let i = 0; i < 8; i++) lines.push(`- **Service ${n}-${i}** :: does job ${i} of note ${n} // 노트 ${n}의 작업 ${i}`);
  for (let i = 0; i < 6; i++)
    lines.push(`- ? Need job ${i} done in note ${n} => Service ${n}-${i} // 노트 ${n}에서 작업 ${i} => Service ${n}-${i} {#pick-${i}}`);
  lines.push('', `## Limits ${n} // 한도 ${n} {#limits}`, '');
  for (let i = 0; i < 6; i++)
    lines.push(`- Limit ${i} of note ${n} is {{${(i + 1) * n + 1} GB}}. // 노트 ${n}의 한도 ${i}은 {{${(i + 1) * n + 1} GB}}. {#limit-${i}}`);
  for (let i = 0; i < 4; i++)
    lines.push(
      `- [${i % 2 ? 'T' : 'F'}] Claim ${i} of note ${n}.${i % 2 ? '' : ' => It is not.'} // 노트 ${n}의 주장 ${i}.${i % 2 ? '' : ' => 아니다.'} {#claim-${i}}`,
    );
  lines.push('', `| Tier // 등급 {#tiers} | Size // 크기 | Speed // 속도 |`, '|---|---|---|');
  for (let i = 0; i < 6; i++) lines.push(`| tier-${i} | ${i + 1} TB | ${(i + 1) * 100} MB/s |`);
  return lines.join('\n') + '\n';
}
