/**
 * Note parsing: a note file's text in, a Note and diagnostics out. Pure: no file system.
 * The format is documented in docs/note-format.md; `saa notes check` reports what this finds.
 * Lines are read once: headings open groups, tables become row facts, bullets go to the fact
 * kind whose marker they carry (see kinds/registry.ts).
 */
import { parseFrontMatter } from '../front-matter.js';
import type { Bullet, SourceLine } from '../kinds/kind.js';
import { BULLET_KINDS, kindModule } from '../kinds/registry.js';
import { type Diagnostic, type Fact, type Group, isDomain, type Localized, type Note, type Severity } from '../types.js';
import { DEFAULT_MAX_BYTES, topicOrder } from './file-name.js';
import { readFrontMatter } from './front-matter-block.js';
import { listOf, loc, splitLanguages, takeAttrs, takeAttrsAndTags, takeTags } from './inline.js';
import { parseNeed, parseTable, type TableLine } from './table.js';

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

const HEADING = /^(#{1,6})\s+(.*)$/;
const ID_KEY = /^[\p{L}\p{N}][\p{L}\p{N}-]*$/u;
const KNOWN_ATTRS = new Set(['avoid', 'domain', 'task', 'ranked', 'was', 'near', 'apart']);

export { DEFAULT_MAX_BYTES, isTopicFileName, topicOrder } from './file-name.js';

function lineOf(raw: string, line: number): SourceLine {
  const indent = raw.length - raw.trimStart().length;
  return { line, indent, text: raw.trim() };
}

export function parseNote(file: string, source: string, options: ParseOptions = {}): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const report = (line: number, message: string, severity: Severity = 'error') => diagnostics.push({ file, line, severity, message });

  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (source.length > maxBytes) {
    report(1, `file is larger than ${Math.round(maxBytes / 1024)} KiB; split it into several notes`);
    return { note: null, diagnostics };
  }
  const baseName = file.split(/[\\/]/).pop() ?? file;
  const order = topicOrder(baseName);
  if (order === null) report(1, 'file name must look like NN-slug.md (e.g. 08-s3.md)');

  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fm = readFrontMatter(text, report);
  if (!fm) return { note: null, diagnostics };
  const bilingual = options.requireBothLanguages === true;
  const topic = parseFrontMatter(fm.data, file, order ?? 0, (m, s) => report(1, m, s), { requireBothLanguages: bilingual });
  if (!topic) return { note: null, diagnostics };
  if (options.shipped) topic.shipped = true;

  const groups: Group[] = [];
  const facts: Fact[] = [];
  const seenKeys = new Map<string, number>();
  const seenGroups = new Map<string, number>();
  let group: Group | null = null;
  // The latest heading's text: a table under it takes it as its title (context for its questions).
  let heading: Localized | null = null;
  // The table just above, while `need:` lines may still follow it.
  let lastTable: Group | null = null;

  const checkLanguages = (line: number, what: string, ...texts: Localized[]) => {
    if (!bilingual) return;
    for (const t of texts) {
      if (t.en === undefined) return report(line, `${what} has no English text`);
      if (t.ko === undefined) return report(line, `${what} has no Korean text (add "// ..." or a "ko:" line)`);
    }
  };
  const checkAttrs = (line: number, values: Record<string, string>) => {
    for (const name of Object.keys(values)) if (!KNOWN_ATTRS.has(name)) report(line, `unknown attribute "${name}" is ignored`, 'warning');
    const d = values.domain;
    if (d !== undefined && !isDomain(d)) report(line, `unknown domain "${d}"; use secure, resilient, performant or cost`);
    return d !== undefined && isDomain(d) ? d : undefined;
  };
  /** `was=<group>`: a moved fact keeps the id it had in its old group, and with it its history. */
  const idGroupOf = (line: number, values: Record<string, string>) => {
    const was = values.was;
    if (was === undefined) return undefined;
    if (ID_KEY.test(was)) return was;
    report(line, `was="${was}" must be a group id (letters, digits and "-")`);
    return undefined;
  };
  const addGroup = (g: Group) => {
    const prev = seenGroups.get(g.id);
    if (prev !== undefined) report(g.line, `duplicate group id "${g.id}" (first at line ${prev})`);
    else seenGroups.set(g.id, g.line);
    groups.push(g);
    group = g;
  };
  const addFact = (fact: Fact, derivedKey: boolean) => {
    if (!ID_KEY.test(fact.key)) return report(fact.line, `fact key "${fact.key}" may hold only letters, digits and "-"`);
    const prev = seenKeys.get(fact.id);
    if (prev !== undefined) return report(fact.line, `duplicate fact id "${fact.id}" (first at line ${prev}); give one a {#key}`);
    if (derivedKey) report(fact.line, `no {#key}: id "${fact.id}" is derived from the wording and changes when it is edited`, 'warning');
    seenKeys.set(fact.id, fact.line);
    facts.push(fact);
  };

  const lines = text.split('\n');
  let inFence = false;
  let inComment = false;
  let i = fm.bodyStart - 1;
  while (i < lines.length) {
    const raw = lines[i] ?? '';
    const lineNo = i + 1;
    const trimmed = raw.trim();
    i++;
    if (/^(```|~~~)/.test(trimmed)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    if (inComment || trimmed.startsWith('<!--')) {
      inComment = !trimmed.includes('-->');
      continue;
    }

    const headingLine = HEADING.exec(raw);
    if (headingLine) {
      const attrs = takeAttrsAndTags(headingLine[2] ?? '');
      const [en, ko] = splitLanguages(attrs.text);
      heading = loc(en, ko);
      lastTable = null;
      if (attrs.key) {
        const domain = checkAttrs(lineNo, attrs.values);
        const ranked = attrs.values.ranked !== undefined;
        const idGroup = idGroupOf(lineNo, attrs.values);
        const near = listOf(attrs.values.near);
        addGroup({
          id: attrs.key,
          topicId: topic.id,
          title: heading,
          tags: attrs.tags,
          line: lineNo,
          ...(domain ? { domain } : {}),
          ...(ranked ? { ranked } : {}),
          ...(idGroup ? { idGroup } : {}),
          ...(near.length ? { near } : {}),
        });
      } else group = null;
      continue;
    }

    if (trimmed.startsWith('|')) {
      const tableLines: TableLine[] = [{ text: raw, line: lineNo }];
      while (i < lines.length && (lines[i] ?? '').trim().startsWith('|')) {
        tableLines.push({ text: lines[i] ?? '', line: i + 1 });
        i++;
      }
      lastTable = parseTable(tableLines, topic.id, heading, { report, addGroup, addFact, checkLanguages });
      // A table is a group of its own; the surrounding heading's group does not continue after it.
      group = null;
      continue;
    }

    const bullet = /^[-*]\s+(.*)$/.exec(raw);
    if (!bullet) continue;
    const children: SourceLine[] = [];
    while (i < lines.length && /^\s+\S/.test(lines[i] ?? '')) {
      children.push(lineOf(lines[i] ?? '', i + 1));
      i++;
    }
    const first = bullet[1] ?? '';
    if (/^need:\s/.test(first)) {
      if (lastTable) parseNeed(first, lineNo, lastTable, { report, checkLanguages });
      else report(lineNo, 'a "need:" line belongs right below the table whose column it names');
      continue;
    }
    const parsed = readBullet(first, lineNo, children, report);
    const kind = BULLET_KINDS.find((k) => kindModule(k).matches?.(parsed.en));
    if (!kind) {
      if (/^\*\*[^*]+\*\*\s*:(?!:)/.test(parsed.en)) report(lineNo, 'looks like a term but uses ":"; write "**Term** :: description"', 'warning');
      continue;
    }
    // A table after facts belongs to no heading of its own.
    heading = null;
    lastTable = null;
    const current = group as Group | null;
    if (!current) {
      report(lineNo, 'fact outside a group: put it under a heading with an id, e.g. "## Storage classes {#class}"');
      continue;
    }
    const domain = checkAttrs(lineNo, parsed.values);
    const tags = [...new Set([...current.tags, ...parsed.tags])];
    const avoid = listOf(parsed.values.avoid);
    const idGroup = idGroupOf(lineNo, parsed.values) ?? current.idGroup;
    const result = kindModule(kind).parse?.(parsed, {
      topicId: topic.id,
      group: current,
      ...(idGroup ? { idGroup } : {}),
      tags,
      report,
      bilingual,
      ...(domain ? { domain } : {}),
      ...(avoid.length ? { avoid } : {}),
    });
    if (!result) continue;
    for (const part of kindModule(kind).languageParts(result.fact)) checkLanguages(part.line, part.what, part.text);
    addFact(result.fact, result.derivedKey);
  }

  for (const g of groups) {
    for (const id of g.near ?? []) if (!seenGroups.has(id)) report(g.line, `near="${id}" names no group of this note`);
  }
  if (facts.length === 0) report(1, 'no facts found; see docs/note-format.md', 'warning');
  return { note: { topic, groups, facts }, diagnostics };
}

/**
 * The shared inline syntax of a bullet: English and Korean (` // ` or the first `ko:` line before
 * any nested bullet), the attribute block and tags of both.
 */
function readBullet(first: string, line: number, children: SourceLine[], report: (line: number, message: string) => void): Bullet & { tags: string[] } {
  // The attribute block and tags end the line, in either order: `... {#key task=3.4} #tag` or `... #tag {#key}`.
  const attrs = takeAttrsAndTags(first);
  let [en, ko] = splitLanguages(attrs.text);
  const rest: SourceLine[] = [];
  let own = true;
  for (const child of children) {
    if (/^[-*]\s/.test(child.text)) own = false;
    const koLine = own ? /^ko:\s*(.*)$/.exec(child.text) : null;
    if (!koLine) {
      rest.push(child);
      continue;
    }
    if (ko !== undefined) report(child.line, 'Korean given twice (both "//" and "ko:")');
    ko = takeAttrs(koLine[1] ?? '').text.trim();
    own = false;
  }
  const enTags = takeTags(en);
  const koTags = ko !== undefined ? takeTags(ko) : undefined;
  const out: Bullet & { tags: string[] } = {
    line,
    en: enTags.text,
    values: attrs.values,
    children: rest,
    tags: [...enTags.tags, ...(koTags?.tags ?? []), ...attrs.tags],
  };
  if (attrs.key !== undefined) out.key = attrs.key;
  if (koTags !== undefined) out.ko = koTags.text;
  return out;
}
