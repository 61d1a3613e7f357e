/** `saa notes new <id>`: writes a template note with one example of every fact kind. */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { topicOrder } from '../../core/parse/file-name.js';
import { userNotesDirs } from '../../io/paths.js';
import type { Context } from '../context.js';
import { loadStudyDeck } from '../deck-loader.js';
import { UsageError } from '../errors.js';
import { clean } from '../render/clean.js';

export interface NotesNewOptions {
  notes?: string;
  dir?: string;
  title?: string;
}

export function template(id: string, title: string): string {
  return `---
id: ${id}
title: { en: ${JSON.stringify(title)}, ko: ${JSON.stringify(title)} }
domains: [resilient]          # any of: secure, resilient, performant, cost
aliases: []
---

# ${title}

Write prose freely: only the lines in the forms below become questions.
Check your note with: saa notes check --notes <this folder>
The whole format is in docs/note-format.md of saa.

## Services {#services}

- **Amazon SQS** :: managed message queue that decouples producers from consumers
  ko: 생산자와 소비자를 분리하는 관리형 메시지 큐
- **Amazon SNS** :: managed pub/sub topics that push each message to many subscribers
  ko: 메시지를 여러 구독자에게 밀어 주는 관리형 pub/sub 토픽
- **Amazon EventBridge** :: serverless event bus that routes events by rules
  ko: 규칙으로 이벤트를 라우팅하는 서버리스 이벤트 버스
- ? Fan a single message out to several queues => Amazon SNS // 메시지 하나를 여러 큐로 팬아웃 => Amazon SNS {#fan-out}

## Limits {#limits}

- SQS keeps a message for at most {{14 days}}. // SQS는 메시지를 최대 {{14일}} 보관한다. {#retention}
- The default SQS visibility timeout is {{30 seconds}}. // SQS 기본 가시성 제한 시간은 {{30초}}이다. {#visibility}
- A message can be delayed for at most {{15 minutes}}. // 메시지는 최대 {{15분}}까지 지연할 수 있다. {#delay}

## Traps {#traps}

- [T] An SQS standard queue may deliver a message more than once. // SQS 표준 큐는 메시지를 두 번 이상 전달할 수 있다. {#at-least-once}
- [F] SNS stores messages until a subscriber reads them. => SNS pushes and does not keep messages. // SNS는 구독자가 읽을 때까지 메시지를 저장한다. => SNS는 밀어 보낼 뿐 보관하지 않는다. {#sns-storage}

| Queue type // 큐 유형 {#queue-types} | Ordering // 순서 | Delivery // 전달 |
|---|---|---|
| SQS standard | best effort // 최선 노력 | at least once // 최소 1회 |
| SQS FIFO | strict per group // 그룹별 엄격 | exactly once processing // 정확히 1회 처리 |
| Kinesis Data Streams | per shard // 샤드별 | at least once // 최소 1회 |
`;
}

export async function run(id: string, opts: NotesNewOptions, ctx: Context): Promise<number> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new UsageError(`topic id must be lowercase letters, digits and "-", got "${id}"`);
  const dir = resolve(opts.dir ?? userNotesDirs(opts.notes, ctx.env)[0] ?? '.');
  const fail = (err: unknown) => {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const why =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? 'it (or a folder above it) is a file, not a folder'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'permission denied; choose another folder with --dir'
          : (err as Error).message;
    return new UsageError(`cannot write a note in ${clean(dir)}: ${why}`);
  };
  let existing: string[];
  try {
    mkdirSync(dir, { recursive: true });
    existing = readdirSync(dir);
  } catch (err) {
    throw fail(err);
  }
  if (existing.some((f) => f.replace(/^\d+-/, '').replace(/\.md$/, '') === id)) {
    throw new UsageError(`a note for "${id}" already exists in ${dir}`);
  }
  // Numbered after the shipped topics (01–20) and after the folder's own notes.
  const next = Math.max(20, ...existing.map((f) => topicOrder(f) ?? 0)) + 1;
  const file = join(dir, `${String(next).padStart(2, '0')}-${id}.md`);
  if (existsSync(file)) throw new UsageError(`${file} already exists`);
  try {
    writeFileSync(file, template(id, opts.title ?? id), { flag: 'wx' });
  } catch (err) {
    throw fail(err);
  }
  // A note with a shipped topic's id joins that topic instead of making a new one: say so.
  const shipped = (await loadStudyDeck(undefined, ctx)).topicsById.get(id);
  if (shipped?.shipped)
    ctx.stderr.write(`saa: warning: "${id}" is a shipped topic: this note's facts join it, and a fact with a shipped fact's id replaces it\n`);
  ctx.stdout.write(`Wrote ${file}\nEdit it, then: saa notes check --notes ${dir}\nStudy it:      saa quiz --notes ${dir} --topic ${id}\n`);
  return 0;
}
