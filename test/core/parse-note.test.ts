import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/parse/note.js';
import type { ClozeFact, RowFact, ScenarioFact, StatementFact, TermFact } from '../../src/core/types.js';
import { frontMatter, SAMPLE } from '../helpers/notes.js';

const parse = (text: string, file = '01-demo.md', strict = true) => parseNote(file, text, { requireBothLanguages: strict });
const errors = (text: string, file?: string, strict = true) => parse(text, file, strict).diagnostics.filter((d) => d.severity === 'error');

describe('parseNote', () => {
  it('reads front matter into a topic', () => {
    const { note, diagnostics } = parse(SAMPLE);
    expect(diagnostics).toEqual([]);
    expect(note?.topic).toMatchObject({
      id: 'demo',
      order: 1,
      title: { en: 'demo title', ko: 'demo 제목' },
      domains: ['resilient', 'cost'],
    });
  });

  it('parses all five fact kinds with both languages and stable ids', () => {
    const facts = parse(SAMPLE).note?.facts ?? [];
    const byId = new Map(facts.map((f) => [f.id, f]));
    expect(facts).toHaveLength(16);

    const emr = byId.get('demo.svc.amazon-emr') as TermFact;
    expect(emr.kind).toBe('term');
    expect(emr.term).toEqual({ en: 'Amazon EMR', ko: 'Amazon EMR' });
    expect(emr.description).toEqual({ en: 'managed Hadoop and Spark clusters', ko: '관리형 Hadoop·Spark 클러스터' });
    expect(emr.tags).toEqual(['analytics']);

    const bi = byId.get('demo.svc.bi') as ScenarioFact;
    expect(bi.kind).toBe('scenario');
    expect(bi.answer).toEqual({ en: 'Amazon Redshift', ko: 'Amazon Redshift' });
    expect(bi.avoid).toEqual(['Amazon EMR']);

    const nesting = byId.get('demo.traps.nesting') as StatementFact;
    expect(nesting).toMatchObject({ kind: 'statement', truth: false });
    expect(nesting.correction).toEqual({ en: 'Groups contain users only.', ko: '그룹에는 사용자만 들어간다.' });
    expect((byId.get('demo.traps.sg-stateful') as StatementFact).truth).toBe(true);

    const put = byId.get('demo.limits.put') as ClozeFact;
    expect(put.blanks).toEqual([{ en: '5 GB', ko: '5 GB' }]);

    const st1 = byId.get('demo.ebs.st1') as RowFact;
    expect(st1.cells).toEqual([
      { en: 'HDD', ko: 'HDD' },
      { en: '500', ko: '500' },
      { en: 'no', ko: '불가' },
    ]);
    expect(st1.line).toBe(SAMPLE.split('\n').findIndex((l) => l.startsWith('| st1')) + 1);
  });

  it('keeps a fact id when its wording changes', () => {
    const before = parse(SAMPLE).note?.facts.map((f) => f.id);
    const edited = SAMPLE.replace('A single PUT uploads at most', 'One PUT request uploads up to').replace(
      'serverless SQL over files in S3',
      'serverless SQL queries over files stored in S3',
    );
    expect(parse(edited).note?.facts.map((f) => f.id)).toEqual(before);
  });

  it('reports line numbers in the file, counting the front matter', () => {
    const text = `${frontMatter('demo')}\n## G {#g}\n\n- [F] no correction here {#x}\n`;
    const [d] = errors(text);
    expect(d).toMatchObject({ line: 9, message: expect.stringContaining('correction') });
  });

  it('refuses JavaScript front matter without evaluating it', () => {
    const marker = '__saa_evaluated__';
    const text = `---js\n{ id: (globalThis.${marker} = 'x') }\n---\n`;
    const r = parse(text);
    expect(r.note).toBeNull();
    expect(r.diagnostics[0]?.message).toMatch(/not allowed/);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it.each([
    ['bad YAML', `---\nid: [unclosed\n---\n`, /bad front matter/],
    ['unknown domain', `---\nid: x\ntitle: X\ndomains: [speed]\n---\n`, /unknown domain "speed"/],
    ['missing id', `---\ntitle: X\ndomains: [cost]\n---\n`, /"id"/],
    ['no front matter', `# just markdown\n`, /missing front matter/],
    ['an id that is not lowercase', `---\nid: My Topic\ntitle: X\ndomains: [cost]\n---\n`, /"id" must be a lowercase id/],
    ['a title of the wrong type', `---\nid: x\ntitle: [a, b]\ndomains: [cost]\n---\n`, /"title" must be a string or/],
    ['a title with no text in either language', `---\nid: x\ntitle: { en: "  ", ko: 3 }\ndomains: [cost]\n---\n`, /"title" must be a string or/],
    ['an empty domain list', `---\nid: x\ntitle: X\ndomains: []\n---\n`, /"domains" must list one or more/],
    ['aliases that are not a list', `---\nid: x\ntitle: X\ndomains: [cost]\naliases: s3\n---\n`, /"aliases" must be a list/],
    ['a bad alias', `---\nid: x\ntitle: X\ndomains: [cost]\naliases: [Bucket]\n---\n`, /alias "Bucket" must be a lowercase id/],
  ])('reports %s', (_name, text, message) => {
    const found = errors(text).find((d) => message.test(d.message));
    expect(found?.line).toBeGreaterThanOrEqual(1);
  });

  it('reads a title in either form, trimmed, and asks for both languages only where told', () => {
    const ok = parse(`---\nid: x\ntitle: { en: " Storage ", ko: 스토리지 }\ndomains: [cost, cost]\naliases: [st]\n---\n`);
    expect(ok.note?.topic).toMatchObject({ id: 'x', title: { en: 'Storage', ko: '스토리지' }, domains: ['cost'], aliases: ['st'] });
    expect(parse(`---\nid: x\ntitle: Plain\ndomains: [cost]\n---\n`, '01-demo.md', false).note?.topic.title).toEqual({ en: 'Plain' });
    expect(errors(`---\nid: x\ntitle: Plain\ndomains: [cost]\n---\n`).map((d) => d.message)).toContain('front matter "title" needs en and ko');
  });

  it('points a YAML error at its line in the file', () => {
    const [d] = errors(`---\nid: x\ntitle: a: b: c\ndomains: [cost]\n---\n`);
    expect(d).toMatchObject({ line: 3, message: expect.stringMatching(/^bad front matter: /) });
  });

  it('reports a duplicate fact id with both lines', () => {
    const text = `${frontMatter('demo')}## G {#g}\n- [T] one // 하나 {#same}\n- [T] two // 둘 {#same}\n`;
    const [d] = errors(text);
    expect(d).toMatchObject({ line: 8, message: expect.stringMatching(/duplicate fact id "demo.g.same" \(first at line 7\)/) });
  });

  it('reads a table id with a tag on either side', () => {
    for (const header of ['| T // 티 {#t} #cat | A // 에이 |', '| T // 티 #cat {#t} | A // 에이 |']) {
      const note = parse(`${frontMatter('demo')}${header}\n|---|---|\n| x | 1 |\n| y | 2 |\n| z | 3 |\n`).note;
      expect(note?.facts.map((f) => f.id)).toEqual(['demo.t.x', 'demo.t.y', 'demo.t.z']);
      expect(note?.facts[0]?.tags).toEqual(['cat']);
    }
  });

  it('titles a table with the heading right above it, for context in its questions', () => {
    const text = `${frontMatter('demo')}## Cross-zone // 교차 영역\n\nProse is fine.\n\n| LB // 로드 밸런서 {#cz} | Default // 기본값 |\n|---|---|\n| ALB | on // 켜짐 |\n| NLB | off // 꺼짐 |\n| GWLB | off // 꺼짐 |\n`;
    expect(parse(text).note?.groups[0]?.title).toEqual({ en: 'Cross-zone', ko: '교차 영역' });
    const afterFacts = `${frontMatter('demo')}## G // 지 {#g}\n- [T] x // 엑스 {#x}\n\n| LB // 로드 밸런서 {#cz} | Default // 기본값 |\n|---|---|\n| ALB | on // 켜짐 |\n| NLB | off // 꺼짐 |\n| GWLB | off // 꺼짐 |\n`;
    expect(parse(afterFacts).note?.groups[1]?.title).toEqual({ en: 'LB', ko: '로드 밸런서' });
  });

  it('reports a ragged table row', () => {
    const text = `${frontMatter('demo')}| T {#t} | A | B |\n|---|---|---|\n| x | 1 | 2 |\n| y | 1 |\n| z | 1 | 2 |\n`;
    const [d] = errors(text);
    expect(d).toMatchObject({ line: 9, message: expect.stringContaining('ragged') });
  });

  it('reports a fact missing a language in shipped notes only', () => {
    const text = `${frontMatter('demo')}## G // 그룹 {#g}\n- [T] English only {#en}\n`;
    expect(errors(text)[0]?.message).toMatch(/no Korean text/);
    expect(errors(text, '01-demo.md', false)).toEqual([]);
  });

  it('warns about a statement without a stable key', () => {
    const text = `${frontMatter('demo')}## G // 그룹 {#g}\n- [T] Keyless // 키 없음\n`;
    const r = parse(text);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('no {#key}') })]);
    expect(r.note?.facts[0]?.id).toBe('demo.g.keyless');
  });

  it('reports a fact outside a group and a bad file name', () => {
    expect(errors(`${frontMatter('demo')}- [T] loose // 떠돌이 {#k}\n`)[0]?.message).toMatch(/outside a group/);
    expect(errors(SAMPLE, 'demo.md')[0]?.message).toMatch(/NN-slug\.md/);
  });

  it('never throws on arbitrary input', () => {
    const pieces = ['---', '\n', 'id: x', '- ', '**', '::', '[T]', '[F]', '=>', '{{', '}}', '|', '{#', '}', '//', 'ko:', '? ', '#', '\u0000', '\u001b[31m'];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: 40 }, () => pieces[rand(pieces.length)]).join(rand(2) ? '' : ' ');
      expect(() => parseNote('01-fuzz.md', text)).not.toThrow();
      expect(() => parseNote('01-fuzz.md', SAMPLE.slice(0, rand(SAMPLE.length)) + text)).not.toThrow();
    }
  });
});

describe('hostile front matter and lines', () => {
  it('refuses YAML anchors and aliases (an alias bomb) with a line, before expanding anything', () => {
    const bomb = [
      '---',
      'id: bomb',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'title: *c',
      'domains: [cost]',
      '---',
      '',
    ].join('\n');
    const r = parseNote('01-bomb.md', bomb);
    expect(r.note).toBeNull();
    expect(r.diagnostics[0]).toMatchObject({ line: 3, message: expect.stringMatching(/anchors and aliases/) });
  });

  it('reads a very long line of tags to its end', () => {
    const tags = ' #a'.repeat(200_000);
    const r = parseNote('01-tags.md', `${frontMatter('tags')}## G // 지 {#g}\n- [T] Many tags. // 태그가 많다. {#many}${tags}\n`, {
      requireBothLanguages: true,
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.note?.facts[0]?.tags).toEqual(['a']);
  });

  it('refuses a cloze with too many blanks instead of asking thousands of them', () => {
    const blanks = Array.from({ length: 8000 }, (_, i) => `{{${i} GB}}`).join(' ');
    const r = parseNote('01-cloze.md', `${frontMatter('cloze')}## G // 지 {#g}\n- Sizes ${blanks}. {#many}\n`, { requireBothLanguages: false });
    expect(r.diagnostics.map((d) => d.message)).toEqual(expect.arrayContaining([expect.stringMatching(/cloze has 8000 blanks; at most 12/)]));
  });
});
