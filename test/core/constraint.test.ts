/** Multi-constraint questions from tables: the key alone meets every requirement, each wrong row fails exactly one. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/parse/note.js';
import { constraintNeeds, judge, meets, type Table, tableOf } from '../../src/core/questions/constraint.js';
import { ask, shapesOf } from '../../src/core/questions/generate.js';
import { createRng } from '../../src/core/random.js';
import type { Deck, RowFact } from '../../src/core/types.js';
import { validateDeck } from '../../src/core/validate.js';
import { loadDeck } from '../../src/io/load-notes.js';
import { ROOT } from '../helpers/cli.js';
import { deckOf, frontMatter } from '../helpers/notes.js';

const EBS = `${frontMatter('blk')}## Volumes // 볼륨

| Volume type // 볼륨 유형 {#vol domain=performant} | Media // 매체 | Max IOPS // 최대 IOPS | Boot volume // 부팅 볼륨 | Price // 가격 | Use // 용도 |
|---|---|---|---|---|---|
| gp3 | SSD | 16,000 | yes // 가능 | $$ | boot, web, dev // 부팅, 웹, 개발 |
| io2 Block Express | SSD | 256,000 | yes // 가능 | $$$$ | large databases // 대형 DB |
| st1 | HDD | 500 | no // 불가 | $ | logs, big data // 로그, 빅데이터 |
| sc1 | HDD | 250 | no // 불가 | $ | cold data // 콜드 데이터 |
| io1 | SSD | 64,000 | yes // 가능 | $$$ | databases // DB |

- need: Max IOPS >= {value} => needs at least {value} IOPS from one volume // 볼륨 하나에서 {value} IOPS 이상이 필요하다
- need: Boot volume = yes => must be usable as a boot volume // 부팅 볼륨으로 쓸 수 있어야 한다
- need: Media = {value} => must be {value}-backed // {value} 기반이어야 한다
- need: Price <= {value} => must cost no more than {value} // 가격이 {value} 이하여야 한다
- need: Use has big data => must suit big data // 빅데이터에 맞아야 한다
`;

/** Checks every constraint question a table can make: the promise of the generator, over all of them. */
function checkTable(deck: Deck, table: Table): number {
  let asked = 0;
  const reqs = table.group.requirements ?? [];
  table.rows.forEach((row, k) => {
    for (const needs of constraintNeeds(table, k)) {
      expect(needs.length).toBeGreaterThanOrEqual(2);
      expect(needs.length).toBeLessThanOrEqual(3);
      // The key meets every requirement, and it is the only row that does.
      for (const n of needs) expect(meets(reqs[n.requirement]!, table.rows, k, n.from)).toBe(true);
      expect(judge(table, needs).meetAll).toEqual([k]);
      const q = ask(deck, row, { type: 'constraint', needs }, createRng(asked));
      expect(q, `${row.id} ${JSON.stringify(needs)}`).not.toBeNull();
      if (!q) continue;
      asked++;
      expect(q).toMatchObject({ style: 'exam', kind: 'constraint', format: 'mc', factId: row.id });
      expect(q.options[q.answer]?.source).toBe(row.id);
      // The prompt states each asked value exactly as the table writes it ("$$$" stays three dollar signs).
      for (const n of needs) {
        const req = reqs[n.requirement]!;
        const asked = table.rows[n.from]!.cells[req.column]!;
        for (const lang of ['en', 'ko'] as const) expect(q.prompt[lang]).toContain(req.phrase[lang]!.split('{value}').join(asked[lang] ?? asked.en!));
      }
      for (const o of q.options.filter((x) => !x.correct)) {
        const i = table.rows.findIndex((r) => r.id === o.source);
        // Each wrong option is a real row failing exactly one stated requirement, and its reason names it.
        const failed = needs.filter((n) => !meets(reqs[n.requirement]!, table.rows, i, n.from));
        expect(failed, `${o.source} in ${q.id}`).toHaveLength(1);
        const phrase = reqs[failed[0]!.requirement]!.phrase.en!.split('{value}')[0]!;
        expect(o.reason.en).toContain(phrase);
        expect(o.reason.ko).toBeTruthy();
      }
      // Every stated requirement rules out at least one of the wrong options shown.
      const ruledOut = new Set(
        q.options
          .filter((x) => !x.correct)
          .map((o) =>
            needs.findIndex(
              (n) =>
                !meets(
                  reqs[n.requirement]!,
                  table.rows,
                  table.rows.findIndex((r) => r.id === o.source),
                  n.from,
                ),
            ),
          ),
      );
      expect(ruledOut.size).toBe(needs.length);
    }
  });
  return asked;
}

describe('multi-constraint questions', () => {
  const deck = deckOf(['01-blk.md', EBS]);
  const gp3 = deck.factsById.get('blk.vol.gp3') as RowFact;
  const table = tableOf(deck, gp3)!;

  it('read requirement lines under a table', () => {
    expect(table.group.requirements?.map((r) => [r.column, r.test, r.fixed])).toEqual([
      [1, 'min', undefined],
      [2, 'fixed', 'yes'],
      [0, 'equal', undefined],
      [3, 'max', undefined],
      [4, 'has', 'big data'],
    ]);
    expect(validateDeck(deck)).toEqual([]);
  });

  it('keep every promise over every question the table can make', () => {
    expect(checkTable(deck, table)).toBeGreaterThan(5);
    // A row is asked only where a second requirement still rules something out: io2 stands out on
    // IOPS alone, and sc1 cannot be told from st1 by these requirements, so neither is a key.
    const keyed = table.rows.flatMap((r, k) => (constraintNeeds(table, k).length ? [r.key] : []));
    expect(keyed.sort()).toEqual(['gp3', 'io1', 'st1']);
  });

  it('never ask where two rows meet all requirements', () => {
    // gp3, io1 and io2 are all bootable SSDs: "SSD + boot" alone has three answers, so gp3 needs a third requirement.
    for (const needs of constraintNeeds(table, table.rows.indexOf(gp3))) {
      expect(needs.map((n) => n.requirement).sort()).not.toEqual([1, 2]);
      expect(judge(table, needs).meetAll).toEqual([table.rows.indexOf(gp3)]);
    }
  });

  it('read as a scenario in both languages, with the key keyed and explained', () => {
    const [shape] = shapesOf(deck, gp3, 'exam');
    const q = ask(deck, gp3, shape!, createRng(1))!;
    expect(q.prompt.en).toMatch(/^\[Volumes\] A workload has these requirements:\n {2}• /);
    expect(q.prompt.en).toMatch(/Which volume type meets all of them\?$/);
    expect(q.prompt.ko).toMatch(/\n다음 중 이 요구 사항을 모두 만족하는 볼륨 유형은\?$/);
    expect(q.options[q.answer]?.text.en).toBe('gp3');
    expect(q.explanation.en).toMatch(/^Meets every requirement \(/);
    expect(q.domain).toBe('performant');
  });

  it('report a requirement on a column the table lacks, and a numeric test on words', () => {
    const bad = EBS.replace('need: Boot volume = yes', 'need: Bootable = yes').replace('| 500 |', '| many |');
    const r = parseNote('01-blk.md', bad, { requireBothLanguages: true });
    expect(r.diagnostics.find((d) => /column "Bootable"/.test(d.message))?.line).toBe(bad.split('\n').findIndex((l) => l.includes('Bootable')) + 1);
    const d = deckOf(['01-blk.md', bad.replace(/- need: Bootable[^\n]*\n/, '')]);
    expect(validateDeck(d).find((x) => /compares numbers, but row "st1" has "many"/.test(x.message))).toBeDefined();
  });

  it('report a need: line that is not under a table', () => {
    const text = `${frontMatter('x')}## G // 지 {#g}\n\n- need: A >= {value} => a // 가\n`;
    expect(parseNote('01-x.md', text).diagnostics.map((d) => d.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/belongs right below the table/)]),
    );
  });
});

describe('the shipped tables that declare requirements', () => {
  const { deck } = loadDeck([{ dir: join(ROOT, 'notes'), shipped: true }]);
  const tables = [...deck.groups.values()].filter((g) => (g.requirements?.length ?? 0) >= 2);

  it('each give questions that keep every promise', () => {
    for (const g of tables) {
      const first = (deck.byGroup.get(`${g.topicId}.${g.id}`) ?? []).find((f): f is RowFact => f.kind === 'row');
      const table = first && tableOf(deck, first);
      expect(table, g.id).toBeTruthy();
      if (table) expect(checkTable(deck, table), `${g.topicId}.${g.id}`).toBeGreaterThan(0);
    }
  });
});
