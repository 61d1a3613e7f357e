/** Deck-wide checks for `saa notes check`: what a single line cannot show, asked of each fact kind, and the questions' quality. */
import { kindModule, kindOf } from './kinds/registry.js';
import { qualityDiagnostics } from './quality.js';
import type { Deck, Diagnostic, Fact, FactKind } from './types.js';

/** `quality` adds the question-quality warnings (core/quality.ts): they generate questions, so they cost far more than the rest. */
export function validateDeck(deck: Deck, options: { quality?: boolean } = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const fileOf = (topicId: string) => deck.topicsById.get(topicId)?.file ?? topicId;

  for (const [key, group] of deck.groups) {
    const byKind = new Map<FactKind, Fact[]>();
    for (const f of deck.byGroup.get(key) ?? []) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
    for (const [kind, facts] of byKind) out.push(...(kindModule(kind).validateGroup?.(deck, group, facts, fileOf(group.topicId)) ?? []));
    if (group.requirements?.length && !byKind.has('row')) {
      out.push({ file: fileOf(group.topicId), line: group.line, severity: 'warning', message: `table #${group.id} has requirement lines but no rows` });
    }
  }
  for (const fact of deck.facts) out.push(...(kindOf(fact).validate?.(deck, fact, fileOf(fact.topicId)) ?? []));
  if (options.quality) out.push(...qualityDiagnostics(deck));
  return out;
}
