/**
 * The front matter block of a note: found by its fences, parsed as YAML or JSON by gray-matter
 * with every code engine refused, and never with YAML anchors or aliases (a few lines of
 * nested aliases can expand to gigabytes; front matter needs none).
 */
import matter from 'gray-matter';

type Report = (line: number, message: string) => void;

export interface FrontMatterBlock {
  data: Record<string, unknown>;
  /** 1-based line number of the first body line. */
  bodyStart: number;
}

const refuse = (what: string) => () => {
  throw new Error(`${what} front matter is not allowed`);
};

export function readFrontMatter(text: string, report: Report): FrontMatterBlock | null {
  const lines = text.split('\n', 400);
  const open = /^---([A-Za-z]*)\s*$/.exec(lines[0] ?? '');
  let close = -1;
  if (open) for (let i = 1; i < lines.length && close < 0; i++) if (/^(---|\.\.\.)\s*$/.test(lines[i] ?? '')) close = i;
  if (!open || close < 0) {
    report(1, 'missing front matter: the file must start with a --- block (id, title, domains)');
    return null;
  }
  const lang = open[1] ?? '';
  if (lang !== '' && lang !== 'yaml' && lang !== 'json') {
    report(1, `front matter language "${lang}" is not allowed; use YAML (---) or JSON (---json)`);
    return null;
  }
  for (let i = 1; i < close; i++) {
    if (/(^|[\s[{,:-])[&*][A-Za-z0-9_-]/.test(lines[i] ?? '') && lang !== 'json') {
      report(i + 1, 'YAML anchors and aliases (&name, *name) are not allowed in front matter');
      return null;
    }
  }
  try {
    const parsed = matter(
      text
        .split('\n')
        .slice(0, close + 1)
        .join('\n'),
      {
        // Never evaluate front matter as code, whatever the opening fence says.
        engines: { js: refuse('JavaScript'), javascript: refuse('JavaScript'), coffee: refuse('CoffeeScript') },
      } as unknown as Parameters<typeof matter>[1],
    );
    const data = parsed.data;
    return { data: data && typeof data === 'object' ? (data as Record<string, unknown>) : {}, bodyStart: close + 2 };
  } catch (err) {
    const mark = (err as { mark?: { line?: number } }).mark;
    // The YAML handed to js-yaml starts with the rest of the opening "---" line: its line 0 is file line 1.
    const line = mark?.line !== undefined ? mark.line + 1 : 1;
    const reason = (err as { reason?: string }).reason ?? (err as Error).message.split('\n')[0];
    report(line, `bad front matter: ${reason}`);
    return null;
  }
}
