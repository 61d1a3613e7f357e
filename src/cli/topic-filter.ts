/** Turns `--topic s3,iam` into topic ids, or fails with the list of topics and a near-miss suggestion. */
import { resolveTopic, suggestTopic } from '../core/deck.js';
import { pick } from '../core/text.js';
import type { Deck, Lang } from '../core/types.js';
import { UsageError } from './errors.js';
import { clean } from './render/clean.js';

export function selectTopics(deck: Deck, topicFlag: string | undefined, lang: Lang): string[] {
  if (!topicFlag || !topicFlag.trim()) return deck.topics.map((t) => t.id);
  const ids: string[] = [];
  for (const name of topicFlag
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const topic = resolveTopic(deck, name);
    if (!topic) {
      const guess = suggestTopic(deck, name);
      const list = deck.topics.map((t) => `  ${t.id.padEnd(22)} ${clean(pick(t.title, lang))}`).join('\n');
      const shown = clean(name).slice(0, 60);
      throw new UsageError(
        lang === 'ko'
          ? `알 수 없는 토픽입니다: "${shown}".${guess ? ` "${guess}"을(를) 찾으셨나요?` : ''}\n토픽:\n${list}`
          : `unknown topic "${shown}".${guess ? ` Did you mean "${guess}"?` : ''}\nTopics:\n${list}`,
      );
    }
    if (!ids.includes(topic.id)) ids.push(topic.id);
  }
  return ids;
}
