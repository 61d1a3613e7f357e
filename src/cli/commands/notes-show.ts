/** `saa notes show <id>`: a topic's facts as a person reads them, in the chosen language, wrapped to the terminal. */
import type { SheetLine } from '../../core/kinds/kind.js';
import { kindOf } from '../../core/kinds/registry.js';
import { pick } from '../../core/text.js';
import { groupKey, type Lang, type Localized } from '../../core/types.js';
import { resolveLang } from '../../io/locale.js';
import { type Context, widthOf } from '../context.js';
import { loadStudyDeck } from '../deck-loader.js';
import { clean, makeChalk } from '../render/render.js';
import { fitTable } from '../render/table.js';
import { wrap } from '../render/wrap.js';
import { selectTopics } from '../topic-filter.js';

export interface NotesShowOptions {
  lang?: string;
  notes?: string;
  /** False with --no-cache. */
  cache?: boolean;
}

export async function run(id: string, opts: NotesShowOptions, ctx: Context): Promise<number> {
  const lang = resolveLang(opts.lang, ctx.env);
  const c = makeChalk(ctx.stdout, ctx.env);
  const width = widthOf(ctx);
  const deck = await loadStudyDeck(opts.notes, ctx, opts.cache);
  const [topicId] = selectTopics(deck, id, lang);
  const topic = topicId ? deck.topicsById.get(topicId) : undefined;
  if (!topic) return 0;
  const t = (x: Localized) => clean(pick(x, lang));
  const out = [
    c.bold(t(topic.title)),
    c.dim(wrap(`${topic.id} · ${topic.domains.join(', ')}${topic.aliases.length ? ` · ${topic.aliases.join(', ')}` : ''} · ${topic.file}`, width)),
  ];
  const facts = deck.byTopic.get(topic.id) ?? [];
  for (const gid of new Set(facts.map((f) => f.groupId))) {
    const group = deck.groups.get(groupKey(topic.id, gid));
    const members = facts.filter((f) => f.groupId === gid);
    out.push('', c.bold.underline(t(group?.title ?? { en: gid })));
    const rows = members.flatMap((f) => (f.kind === 'row' ? [f] : []));
    if (group?.columns && rows.length) {
      out.push(
        fitTable(
          [t(group.labelHeader ?? {}), ...group.columns.map(t)],
          rows.map((r) => [t(r.label), ...r.cells.map(t)]),
          width,
        ),
      );
    }
    for (const f of members) if (f.kind !== 'row') out.push(line(kindOf(f).sheet(deck, f), lang, c, width));
  }
  ctx.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

function line(s: SheetLine, lang: Lang, c: ReturnType<typeof makeChalk>, width: number): string {
  const t = (x: Localized) => clean(pick(x, lang));
  switch (s.mark) {
    case 'term':
      return wrap(`${c.bold(t(s.text))} — ${t(s.detail ?? {})}`, width, '  • ', '    ');
    case 'true':
      return wrap(t(s.text), width, `  ${c.green('✔')} `);
    case 'false':
      return wrap(`${t(s.text)} ${c.dim('→')} ${t(s.detail ?? {})}`, width, `  ${c.red('✘')} `);
    case 'cloze':
      return wrap(t(s.text), width, '  • ');
    case 'scenario':
      return wrap(`${t(s.text)} ${c.dim('→')} ${c.bold(t(s.detail ?? {}))}`, width, '  ? ');
    case 'item': {
      const lines = [wrap(t(s.text), width, `  ${c.cyan('Q')} `)];
      (s.options ?? []).forEach((o, i) => {
        lines.push(wrap(t(o.text), width, `    ${o.correct ? c.green('✔') : c.dim('·')} ${i + 1}. `));
        lines.push(c.dim(wrap(t(o.reason), width, '         ')));
      });
      return lines.join('\n');
    }
  }
}
