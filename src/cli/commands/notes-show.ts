/** `saa notes show <id>`: a topic's facts as a person reads them, in the chosen language. */
import { fillCloze } from '../../core/phrases.js';
import { pick } from '../../core/text.js';
import { groupKey, type Fact, type Lang } from '../../core/types.js';
import { resolveLang } from '../../io/locale.js';
import { loadStudyDeck } from '../deck-loader.js';
import { clean, makeChalk } from '../render.js';
import { table } from '../table.js';
import { selectTopics } from '../topic-filter.js';

export interface NotesShowOptions {
  lang?: string;
  notes?: string;
}

export async function run(id: string, opts: NotesShowOptions): Promise<void> {
  const lang = resolveLang(opts.lang, process.env);
  const c = makeChalk();
  const deck = loadStudyDeck(opts.notes);
  const [topicId] = selectTopics(deck, id, lang);
  const topic = topicId ? deck.topicsById.get(topicId) : undefined;
  if (!topic) return;
  const t = (x: Parameters<typeof pick>[0]) => clean(pick(x, lang));
  const out = [c.bold(t(topic.title)), c.dim(`${topic.id} · ${topic.domains.join(', ')}${topic.aliases.length ? ` · ${topic.aliases.join(', ')}` : ''} · ${topic.file}`)];
  const facts = deck.byTopic.get(topic.id) ?? [];
  const groupIds = [...new Set(facts.map((f) => f.groupId))];
  for (const gid of groupIds) {
    const group = deck.groups.get(groupKey(topic.id, gid));
    const members = facts.filter((f) => f.groupId === gid);
    out.push('', c.bold.underline(t(group?.title ?? { en: gid })));
    const rows = members.filter((f) => f.kind === 'row');
    if (group?.columns && rows.length) {
      out.push(
        table(
          [t(group.labelHeader ?? {}), ...group.columns.map(t)],
          rows.map((r) => (r.kind === 'row' ? [t(r.label), ...r.cells.map(t)] : [])),
        ),
      );
    }
    for (const f of members) if (f.kind !== 'row') out.push(line(f, lang, c));
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

function line(f: Fact, lang: Lang, c: ReturnType<typeof makeChalk>): string {
  const t = (x: Parameters<typeof pick>[0]) => clean(pick(x, lang));
  switch (f.kind) {
    case 'term':
      return `  • ${c.bold(t(f.term))} — ${t(f.description)}`;
    case 'statement':
      return f.truth ? `  ${c.green('✔')} ${t(f.statement)}` : `  ${c.red('✘')} ${t(f.statement)} ${c.dim('→')} ${t(f.correction)}`;
    case 'cloze':
      return `  • ${clean(fillCloze(pick(f.text, lang), -1))}`;
    case 'scenario':
      return `  ? ${t(f.scenario)} ${c.dim('→')} ${c.bold(t(f.answer))}`;
    case 'row':
      return '';
  }
}
