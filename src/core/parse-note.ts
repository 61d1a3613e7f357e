/**
 * Note parsing: a note file's text in, a Note and diagnostics out. Pure: no file system.
 * The format is documented in README ("Note format"); `saa notes check` reports what this finds.
 */
import matter from 'gray-matter';
import { parseFrontMatter } from './front-matter.js';
import { slugify } from './text.js';
import type {
  ClozeFact,
  Diagnostic,
  Fact,
  Group,
  Localized,
  Note,
  RowFact,
  ScenarioFact,
  Severity,
  StatementFact,
  TermFact,
} from './types.js';

export interface ParseOptions {
  /** Shipped notes must carry both languages on every fact. */
  requireBothLanguages?: boolean;
  /** Files above this size are refused rather than parsed (hostile or accidental input). */
  maxBytes?: number;
  /** The note ships with saa (user notes with the same topic id extend it). */
  shipped?: boolean;
}

export interface ParseResult {
  note: Note | null;
  diagnostics: Diagnostic[];
}

const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
const FILE_NAME = /^(\d{2,})-([a-z0-9][a-z0-9-]*)\.md$/;
const ATTRS = /\s*\{#([\p{L}\p{N}][\p{L}\p{N}-]*)(?:\s+avoid="([^"]*)")?\}\s*$/u;
const HEADING = /^(#{1,6})\s+(.*)$/;
const TAG = /^[a-z][a-z0-9-]*$/;
const BLANK = /\{\{([^{}]+)\}\}/g;

/** `08-s3.md` → 8; null when the name is not a topic note's. */
export function topicOrder(fileName: string): number | null {
  const m = FILE_NAME.exec(fileName);
  return m ? Number(m[1]) : null;
}

export function isTopicFileName(fileName: string): boolean {
  return FILE_NAME.test(fileName);
}

/** Where the body starts (1-based line number of its first line) and the front matter's language. */
function splitFrontMatter(source: string): { bodyStart: number; lang: string } | null {
  const lines = source.split('\n');
  const open = /^---([A-Za-z]*)\s*$/.exec(lines[0] ?? '');
  if (!open) return null;
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)\s*$/.test(lines[i] ?? '')) return { bodyStart: i + 2, lang: open[1] ?? '' };
  }
  return null;
}

/** Split `en // ko` on the first ` // ` that is not inside a URL. */
function splitLanguages(text: string): [string, string | undefined] {
  const at = text.indexOf(' // ');
  if (at < 0) return [text.trim(), undefined];
  return [text.slice(0, at).trim(), text.slice(at + 4).trim()];
}

function takeTags(text: string): { text: string; tags: string[] } {
  const tags: string[] = [];
  let rest = text.trimEnd();
  // Walk back over trailing ` #tag` words; lastIndexOf keeps this cheap on long lines without tags.
  for (let at = rest.lastIndexOf(' #'); at >= 0; at = rest.lastIndexOf(' #')) {
    const m = TAG.exec(rest.slice(at + 2));
    if (!m) break;
    tags.unshift(m[0]);
    rest = rest.slice(0, at).trimEnd();
  }
  return { text: rest.trim(), tags };
}

function takeAttrs(text: string): { text: string; key?: string; avoid: string[] } {
  // The attribute block is the last `{#`: match only from there rather than across the whole line.
  const at = text.lastIndexOf('{#');
  if (at < 0) return { text, avoid: [] };
  const start = text.slice(0, at).trimEnd().length;
  const m = ATTRS.exec(text.slice(start));
  if (!m) return { text, avoid: [] };
  m.index += start;
  const avoid = (m[2] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return { text: text.slice(0, m.index), key: m[1], avoid };
}

function loc(en: string | undefined, ko: string | undefined): Localized {
  const out: Localized = {};
  if (en !== undefined && en !== '') out.en = en;
  if (ko !== undefined && ko !== '') out.ko = ko;
  return out;
}

function splitCells(line: string): string[] {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  // `\|` is a literal pipe inside a cell, as on GitHub.
  return body.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

function cellText(cell: string): Localized {
  const [en, ko] = splitLanguages(cell);
  return loc(en, ko ?? en);
}

interface Pending {
  line: number;
  en: string;
  ko?: string;
  koLine?: number;
}

export function parseNote(file: string, source: string, options: ParseOptions = {}): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const report = (line: number, message: string, severity: Severity = 'error') =>
    diagnostics.push({ file, line, severity, message });

  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (source.length > maxBytes) {
    report(1, `file is larger than ${Math.round(maxBytes / 1024)} KiB; split it into several notes`);
    return { note: null, diagnostics };
  }

  const baseName = file.split(/[\\/]/).pop() ?? file;
  const order = topicOrder(baseName);
  if (order === null) report(1, `file name must look like NN-slug.md (e.g. 08-s3.md)`);

  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fm = splitFrontMatter(text);
  if (!fm) {
    report(1, 'missing front matter: the file must start with a --- block (id, title, domains)');
    return { note: null, diagnostics };
  }
  if (fm.lang !== '' && fm.lang !== 'yaml' && fm.lang !== 'json') {
    report(1, `front matter language "${fm.lang}" is not allowed; use YAML (---) or JSON (---json)`);
    return { note: null, diagnostics };
  }

  let data: Record<string, unknown>;
  let content: string;
  try {
    const parsed = matter(text, {
      // Never evaluate front matter as code, whatever the opening fence says.
      engines: {
        js: () => {
          throw new Error('JavaScript front matter is not allowed');
        },
        javascript: () => {
          throw new Error('JavaScript front matter is not allowed');
        },
        coffee: () => {
          throw new Error('CoffeeScript front matter is not allowed');
        },
      },
    } as unknown as Parameters<typeof matter>[1]);
    data = (parsed.data ?? {}) as Record<string, unknown>;
    content = parsed.content;
  } catch (err) {
    const mark = (err as { mark?: { line?: number } }).mark;
    // The YAML handed to js-yaml starts with the rest of the opening "---" line: its line 0 is file line 1.
    const line = mark?.line !== undefined ? mark.line + 1 : 1;
    const reason = (err as { reason?: string }).reason ?? (err as Error).message.split('\n')[0];
    report(line, `bad front matter: ${reason}`);
    return { note: null, diagnostics };
  }

  const topic = parseFrontMatter(data, file, order ?? 0, (m, s) => report(1, m, s), options);
  if (!topic) return { note: null, diagnostics };
  if (options.shipped) topic.shipped = true;

  const groups: Group[] = [];
  const facts: Fact[] = [];
  const seenKeys = new Map<string, number>();
  const seenGroups = new Map<string, number>();
  let group: Group | null = null;
  // The latest heading's text: a table under it takes it as its title (context for its questions).
  let heading: Localized | null = null;

  const lines = content.split('\n');
  // gray-matter drops the newline right after the closing fence; line numbers follow the file.
  const firstLine = fm.bodyStart;

  const addGroup = (g: Group) => {
    const prev = seenGroups.get(g.id);
    if (prev !== undefined) report(g.line, `duplicate group id "${g.id}" (first at line ${prev})`);
    else seenGroups.set(g.id, g.line);
    groups.push(g);
    group = g;
  };

  const addFact = (fact: Fact, derivedKey: boolean) => {
    if (!ID_KEY.test(fact.key)) {
      report(fact.line, `fact key "${fact.key}" may hold only letters, digits and "-"`);
      return;
    }
    const prev = seenKeys.get(fact.id);
    if (prev !== undefined) {
      report(fact.line, `duplicate fact id "${fact.id}" (first at line ${prev}); give one a {#key}`);
      return;
    }
    if (derivedKey) {
      report(
        fact.line,
        `no {#key}: id "${fact.id}" is derived from the wording and changes when it is edited`,
        'warning',
      );
    }
    seenKeys.set(fact.id, fact.line);
    facts.push(fact);
  };

  const checkLanguages = (line: number, what: string, ...texts: Localized[]) => {
    if (!options.requireBothLanguages) return;
    for (const t of texts) {
      if (t.en === undefined) return report(line, `${what} has no English text`);
      if (t.ko === undefined) return report(line, `${what} has no Korean text (add "// ..." or a "ko:" line)`);
    }
  };

  let inFence = false;
  let inComment = false;
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i] ?? '';
    const lineNo = firstLine + i;
    const trimmed = raw.trim();

    if (/^(```|~~~)/.test(trimmed)) {
      inFence = !inFence;
      i++;
      continue;
    }
    if (inFence) {
      i++;
      continue;
    }
    if (inComment || trimmed.startsWith('<!--')) {
      inComment = !trimmed.includes('-->');
      i++;
      continue;
    }

    const headingLine = HEADING.exec(raw);
    if (headingLine) {
      // `## Title {#id} #tag` and `## Title #tag {#id}` both work.
      let attrs = takeAttrs(headingLine[2] ?? '');
      let { text: titleText, tags } = takeTags(attrs.text);
      if (!attrs.key) {
        attrs = takeAttrs(titleText);
        titleText = attrs.text.trim();
      }
      const [en, ko] = splitLanguages(titleText);
      heading = loc(en, ko);
      if (attrs.key) {
        addGroup({ id: attrs.key, topicId: topic.id, title: heading, tags, line: lineNo });
      } else {
        group = null;
      }
      i++;
      continue;
    }

    if (trimmed.startsWith('|')) {
      const tableLines: { text: string; line: number }[] = [];
      while (i < lines.length && (lines[i] ?? '').trim().startsWith('|')) {
        tableLines.push({ text: lines[i] ?? '', line: firstLine + i });
        i++;
      }
      parseTable(tableLines, topic.id, heading, report, addGroup, addFact, checkLanguages);
      // A table is a group of its own; the surrounding heading's group does not continue after it.
      group = null;
      continue;
    }

    const bullet = /^[-*]\s+(.*)$/.exec(raw);
    if (!bullet) {
      i++;
      continue;
    }

    // Collect continuation lines: `ko:` gives the Korean; other indented lines are prose.
    const pending: Pending = { line: lineNo, en: bullet[1] ?? '' };
    i++;
    while (i < lines.length) {
      const next = lines[i] ?? '';
      if (!/^\s+\S/.test(next)) break;
      const ko = /^\s+ko:\s*(.*)$/.exec(next);
      if (ko) {
        pending.ko = ko[1] ?? '';
        pending.koLine = firstLine + i;
      }
      i++;
    }

    const fact = parseBullet(pending, topic.id, group, report);
    if (fact === 'prose') continue;
    // A table after facts belongs to no heading of its own.
    heading = null;
    if (!fact) continue;
    checkLanguages(fact.fact.line, `fact "${fact.fact.id}"`, ...languageParts(fact.fact));
    addFact(fact.fact, fact.derivedKey);
  }

  if (facts.length === 0) report(1, 'no facts found; see README "Note format"', 'warning');

  return { note: { topic, groups, facts }, diagnostics };
}

const ID_KEY = /^[\p{L}\p{N}][\p{L}\p{N}-]*$/u;

function languageParts(fact: Fact): Localized[] {
  switch (fact.kind) {
    case 'term':
      return [fact.description];
    case 'row':
      return [fact.label];
    case 'statement':
      return fact.truth ? [fact.statement] : [fact.statement, fact.correction];
    case 'cloze':
      return [fact.text];
    case 'scenario':
      return [fact.scenario];
  }
}

type Reporter = (line: number, message: string, severity?: Severity) => void;

function parseBullet(
  p: Pending,
  topicId: string,
  group: Group | null,
  report: Reporter,
): { fact: Fact; derivedKey: boolean } | 'prose' | null {
  const attrs = takeAttrs(p.en);
  let [enPart, koPart] = splitLanguages(attrs.text);
  if (p.ko !== undefined) {
    if (koPart !== undefined) report(p.koLine ?? p.line, 'Korean given twice (both "//" and "ko:")');
    koPart = takeAttrs(p.ko).text.trim();
  }
  const enTags = takeTags(enPart);
  enPart = enTags.text;
  const koTags = koPart !== undefined ? takeTags(koPart) : undefined;
  koPart = koTags?.text;
  const tags = [...new Set([...(group?.tags ?? []), ...enTags.tags, ...(koTags?.tags ?? [])])];

  const kind = classify(enPart);
  if (kind === null) {
    if (/^\*\*[^*]+\*\*\s*:(?!:)/.test(enPart)) {
      report(p.line, 'looks like a term but uses ":"; write "**Term** :: description"', 'warning');
    }
    return 'prose';
  }
  if (!group) {
    report(p.line, 'fact outside a group: put it under a heading with an id, e.g. "## Storage classes {#class}"');
    return null;
  }

  const base = { topicId, groupId: group.id, tags, line: p.line };
  const withId = (key: string) => ({ ...base, key, id: `${topicId}.${group.id}.${key}` });

  switch (kind) {
    case 'term': {
      const m = /^\*\*(.+?)\*\*\s*::\s*(.*)$/.exec(enPart);
      const term = (m?.[1] ?? '').trim();
      const desc = (m?.[2] ?? '').trim();
      if (!term || !desc) {
        report(p.line, 'a term needs a name and a description: "**Term** :: description"');
        return null;
      }
      let koTerm: string | undefined;
      let koDesc = koPart;
      const km = koPart !== undefined ? /^\*\*(.+?)\*\*\s*::\s*(.*)$/.exec(koPart) : null;
      if (km) {
        koTerm = km[1]?.trim();
        koDesc = km[2]?.trim();
      }
      const key = attrs.key ?? slugify(term);
      const fact: TermFact = {
        ...withId(key),
        kind: 'term',
        term: loc(term, koTerm ?? (koDesc !== undefined ? term : undefined)),
        description: loc(desc, koDesc),
      };
      return { fact, derivedKey: false };
    }
    case 'statement': {
      const m = /^\[([TF])\]\s+(.*)$/.exec(enPart);
      const truth = m?.[1] === 'T';
      const [stmt, corr] = splitCorrection(m?.[2] ?? '');
      const ko = koPart !== undefined ? splitCorrection(koPart.replace(/^\[[TF]\]\s*/, '')) : undefined;
      if (!stmt) {
        report(p.line, 'empty true/false statement');
        return null;
      }
      if (!truth && !corr) {
        report(p.line, 'a false statement needs its correction: "[F] claim => what is true"');
        return null;
      }
      if (truth && corr) {
        report(p.line, 'a true statement takes no "=> correction"');
        return null;
      }
      if (!truth && ko && ko[0] && !ko[1]) {
        report(p.line, 'the Korean of a false statement needs its correction too ("=> ...")');
        return null;
      }
      const fact: StatementFact = {
        ...withId(attrs.key ?? slugify(stmt)),
        kind: 'statement',
        truth,
        statement: loc(stmt, ko?.[0]),
        correction: loc(corr, ko?.[1]),
      };
      return { fact, derivedKey: attrs.key === undefined };
    }
    case 'scenario': {
      const m = /^\?\s+(.*?)\s+=>\s+(.+)$/.exec(enPart);
      if (!m) {
        report(p.line, 'a scenario needs an answer: "? situation => Service"');
        return null;
      }
      const answer = (m[2] ?? '').trim();
      let koScenario: string | undefined;
      let koAnswer: string | undefined;
      if (koPart !== undefined) {
        const km = /^(?:\?\s+)?(.*?)\s+=>\s+(.+)$/.exec(koPart);
        if (!km) {
          report(p.line, 'the Korean scenario needs "=> answer" too');
          return null;
        }
        koScenario = km[1]?.trim();
        koAnswer = km[2]?.trim();
      }
      const fact: ScenarioFact = {
        ...withId(attrs.key ?? slugify(m[1] ?? '')),
        kind: 'scenario',
        scenario: loc(m[1]?.trim(), koScenario),
        answer: loc(answer, koAnswer ?? (koScenario !== undefined ? answer : undefined)),
        avoid: attrs.avoid,
      };
      return { fact, derivedKey: attrs.key === undefined };
    }
    case 'cloze': {
      const enBlanks = [...enPart.matchAll(BLANK)].map((b) => (b[1] ?? '').trim());
      const koBlanks = koPart !== undefined ? [...koPart.matchAll(BLANK)].map((b) => (b[1] ?? '').trim()) : [];
      if (koPart !== undefined && koBlanks.length !== enBlanks.length) {
        report(p.line, `cloze has ${enBlanks.length} blanks in English but ${koBlanks.length} in Korean`);
        return null;
      }
      if (enBlanks.some((b) => b === '')) {
        report(p.line, 'empty cloze blank "{{}}"');
        return null;
      }
      const fact: ClozeFact = {
        ...withId(attrs.key ?? slugify(enPart.replace(BLANK, '$1'))),
        kind: 'cloze',
        text: loc(enPart, koPart),
        blanks: enBlanks.map((b, k) => loc(b, koPart !== undefined ? koBlanks[k] : undefined)),
      };
      return { fact, derivedKey: attrs.key === undefined };
    }
  }
}

function classify(en: string): 'term' | 'statement' | 'scenario' | 'cloze' | null {
  if (/^\*\*.+?\*\*\s*::/.test(en)) return 'term';
  if (/^\[[TF]\]\s/.test(en)) return 'statement';
  if (/^\?\s/.test(en)) return 'scenario';
  if (/\{\{[^{}]*\}\}/.test(en)) return 'cloze';
  return null;
}

function splitCorrection(text: string): [string, string | undefined] {
  const at = text.indexOf(' => ');
  if (at < 0) return [text.trim(), undefined];
  return [text.slice(0, at).trim(), text.slice(at + 4).trim()];
}

function parseTable(
  rows: { text: string; line: number }[],
  topicId: string,
  heading: Localized | null,
  report: Reporter,
  addGroup: (g: Group) => void,
  addFact: (f: Fact, derived: boolean) => void,
  checkLanguages: (line: number, what: string, ...t: Localized[]) => void,
): void {
  const header = rows[0];
  if (!header) return;
  const headerCells = splitCells(header.text);
  const first = headerCells[0] ?? '';
  // `Label {#id} #tag` and `Label #tag {#id}` both work, as in headings.
  let attrs = takeAttrs(first);
  let { text: labelText, tags } = takeTags(attrs.text);
  if (!attrs.key) {
    attrs = takeAttrs(labelText);
    labelText = attrs.text.trim();
  }
  // Tables without a {#group} id in their first header cell are prose.
  if (!attrs.key) {
    if (first.includes('{#')) report(header.line, 'table id not understood: write "Label {#id}" in the first header cell', 'warning');
    return;
  }
  const separator = rows[1];
  if (!separator || !/^\|?\s*:?-{3,}/.test(separator.text.trim())) {
    report(header.line, 'table header must be followed by a |---|---| line');
    return;
  }
  const columns = headerCells.slice(1).map(cellText);
  if (columns.length === 0) {
    report(header.line, 'a fact table needs at least one attribute column after the label column');
    return;
  }
  const labelHeader = cellText(labelText);
  const group: Group = {
    id: attrs.key,
    topicId,
    title: heading ?? labelHeader,
    labelHeader,
    columns,
    tags,
    line: header.line,
  };
  addGroup(group);
  checkLanguages(header.line, 'table header', labelHeader, ...columns);

  for (const row of rows.slice(2)) {
    const cells = splitCells(row.text);
    if (cells.length !== headerCells.length) {
      report(row.line, `ragged table row: ${cells.length} cells, the header has ${headerCells.length}`);
      continue;
    }
    const rowAttrs = takeAttrs(cells[0] ?? '');
    const label = cellText(rowAttrs.text);
    const values = cells.slice(1).map(cellText);
    if (!label.en && !label.ko) {
      report(row.line, 'table row has an empty first cell');
      continue;
    }
    if (values.some((v) => !v.en && !v.ko)) {
      report(row.line, 'empty table cell; write "-" or "n/a" if there is no value');
      continue;
    }
    const key = rowAttrs.key ?? slugify(label.en ?? label.ko ?? '');
    const fact: RowFact = {
      id: `${topicId}.${group.id}.${key}`,
      topicId,
      groupId: group.id,
      key,
      tags,
      line: row.line,
      kind: 'row',
      label,
      cells: values,
    };
    checkLanguages(row.line, `row "${label.en ?? label.ko}"`, label, ...values);
    addFact(fact, false);
  }
}
