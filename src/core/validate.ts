/** Deck-wide checks for `saa notes check`: things a single line cannot show. */
import { mcVariants, multipleChoice } from './questions.js';
import { createRng } from './random.js';
import type { Deck, Diagnostic } from './types.js';

export function validateDeck(deck: Deck): Diagnostic[] {
  const out: Diagnostic[] = [];
  const fileOf = (topicId: string) => deck.topicsById.get(topicId)?.file ?? topicId;
  const rng = createRng(0);

  for (const [key, group] of deck.groups) {
    const facts = deck.byGroup.get(key) ?? [];
    const file = fileOf(group.topicId);
    const rows = facts.filter((f) => f.kind === 'row').length;
    if (group.columns && rows > 0 && rows < 3) {
      out.push({ file, line: group.line, severity: 'error', message: `table #${group.id} has ${rows} rows; it needs 3 or more to give three options` });
    }
    const termCount = facts.filter((f) => f.kind === 'term').length;
    if (termCount > 0 && termCount < 3) {
      out.push({
        file,
        line: group.line,
        severity: 'error',
        message: `group #${group.id} has ${termCount} term(s); a term question needs 3 or more in its group`,
      });
    }
  }

  // Each fact (other than a true/false statement) must yield at least one multiple-choice question.
  for (const fact of deck.facts) {
    if (fact.kind === 'statement' || fact.kind === 'term' || fact.kind === 'row') continue;
    const ok = mcVariants(fact).some((v) => multipleChoice(deck, fact, v, rng) !== null);
    if (!ok) {
      const what = fact.kind === 'cloze' ? 'blanks of the same kind (a size, a duration, a number…)' : 'answers (services) nearby';
      out.push({
        file: fileOf(fact.topicId),
        line: fact.line,
        severity: 'error',
        message: `fact "${fact.id}": group #${fact.groupId} is too small to give three options; add more ${what}`,
      });
    }
  }
  return out;
}
