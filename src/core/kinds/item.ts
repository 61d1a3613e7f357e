/**
 * Authored exam-style items: a scenario stem with a qualifier, one key (or two or three for
 * multiple response), near-miss wrong options, and a reason on every option.
 */

import { listOf, loc, splitLanguages } from '../parse/inline.js';
import { mapLocalized } from '../phrases.js';
import { originOf } from '../questions/build.js';
import { makeQuestion } from '../questions/question.js';
import { normalize, pick } from '../text.js';
import { type ItemFact, type ItemOption, isTask, LANGS, type Lang, type Localized, TASKS } from '../types.js';
import { basicNote, type KindModule, type Reporter, type SourceLine } from './kind.js';

const OPTION = /^[-*]\s+\[( |x|X)\]\s+(.*)$/;
const MIN_WRONG = 3;
const MAX_KEYS = 3;

const CHOOSE: Record<number, Localized> = {
  2: { en: '(Choose two.)', ko: '(두 개를 고르시오.)' },
  3: { en: '(Choose three.)', ko: '(세 개를 고르시오.)' },
};

interface Draft {
  option: ItemOption;
  /** Which text a following `ko:` line translates. */
  last: 'text' | 'reason';
  hasReason: boolean;
}

/** Options from the indented lines under the stem: `- [x]` / `- [ ]`, each with `why:` and `ko:` lines. */
function parseOptions(children: readonly SourceLine[], report: Reporter): Draft[] {
  const drafts: Draft[] = [];
  for (const child of children) {
    const opt = OPTION.exec(child.text);
    if (opt) {
      const [en, ko] = splitLanguages(opt[2] ?? '');
      drafts.push({ option: { text: loc(en, ko), correct: opt[1] !== ' ', reason: {}, line: child.line }, last: 'text', hasReason: false });
      continue;
    }
    const current = drafts.at(-1);
    const field = /^(why|ko):\s*(.*)$/.exec(child.text);
    if (!current || !field) {
      report(
        child.line,
        current
          ? 'unexpected line in an exam-style item: an option line holds "why:" and "ko:" lines only'
          : 'an exam-style item lists its options as "- [x] ..." and "- [ ] ..." lines',
      );
      continue;
    }
    const value = (field[2] ?? '').trim();
    if (field[1] === 'why') {
      const [en, ko] = splitLanguages(value);
      current.option.reason = loc(en, ko);
      current.hasReason = en !== '';
      current.last = 'reason';
    } else {
      const target = current.last === 'text' ? current.option.text : current.option.reason;
      if (target.ko !== undefined) report(child.line, 'Korean given twice for the same line');
      else if (value) target.ko = value;
    }
  }
  return drafts;
}

function checkItem(stemLine: number, drafts: Draft[], report: Reporter): boolean {
  let ok = true;
  const fail = (line: number, message: string) => {
    ok = false;
    report(line, message);
  };
  const keys = drafts.filter((d) => d.option.correct);
  const wrong = drafts.length - keys.length;
  if (keys.length === 0) fail(stemLine, 'an exam-style item needs a keyed answer ("- [x] ...")');
  if (keys.length > MAX_KEYS) fail(stemLine, `an exam-style item has at most ${MAX_KEYS} keyed answers, this one has ${keys.length}`);
  if (wrong < MIN_WRONG) fail(stemLine, `an exam-style item needs at least ${MIN_WRONG} wrong options ("- [ ] ..."), this one has ${wrong}`);
  if (keys.length > 1 && drafts.length < 5) fail(stemLine, `a multiple-response item needs five options or more, this one has ${drafts.length}`);
  const seen = new Map<string, Draft>();
  for (const d of drafts) {
    if (!d.hasReason) fail(d.option.line, 'option has no reason: add a "why: ..." line saying why it wins or fails this scenario');
    for (const lang of LANGS) {
      const text = d.option.text[lang];
      if (text === undefined) continue;
      const prev = seen.get(`${lang}:${normalize(text)}`);
      if (prev)
        fail(d.option.line, prev.option.correct ? 'this wrong option repeats the keyed answer' : `option repeats the option at line ${prev.option.line}`);
      else seen.set(`${lang}:${normalize(text)}`, d);
    }
  }
  return ok;
}

function prompt(f: ItemFact): Localized {
  const keys = f.options.filter((o) => o.correct).length;
  const choose = CHOOSE[keys];
  return choose ? mapLocalized(f.stem, (t, lang) => `${t} ${choose[lang]}`) : f.stem;
}

function keyReason(f: ItemFact): Localized {
  const out: Localized = {};
  for (const lang of LANGS)
    out[lang] = f.options
      .filter((o) => o.correct)
      .map((o) => pick(o.reason, lang))
      .join(' ');
  return out;
}

export const item: KindModule<'item'> = {
  kind: 'item',
  style: 'exam',
  matches: (en) => /^Q:\s/.test(en),

  parse(b, ctx) {
    const stem = b.en.replace(/^Q:\s+/, '').trim();
    if (!b.key) {
      ctx.report(b.line, 'an exam-style item needs its own {#key} (its history is kept under it): "Q: ... {#key task=3.4}"');
      return null;
    }
    const task = b.values.task ?? '';
    if (!isTask(task)) {
      ctx.report(
        b.line,
        `an exam-style item needs task=<task statement> from the exam guide (1.1–1.3, 2.1–2.2, 3.1–3.5, 4.1–4.4)${task ? `; "${task}" is not one` : ''}`,
      );
      return null;
    }
    const domain = b.values.domain;
    if (domain !== undefined && domain !== TASKS[task]) {
      ctx.report(b.line, `domain=${domain} disagrees with task ${task}, which is in the ${TASKS[task]} domain`);
      return null;
    }
    if (!stem) {
      ctx.report(b.line, 'an exam-style item needs a stem after "Q:"');
      return null;
    }
    if (/\(choose (two|three)/i.test(stem)) ctx.report(b.line, 'write no "(Choose two.)": saa adds it from the number of keyed answers', 'warning');
    const drafts = parseOptions(b.children, ctx.report);
    if (!checkItem(b.line, drafts, ctx.report)) return null;
    const fact: ItemFact = {
      id: `${ctx.topicId}.${ctx.group.id}.${b.key}`,
      topicId: ctx.topicId,
      groupId: ctx.group.id,
      key: b.key,
      tags: ctx.tags,
      line: b.line,
      kind: 'item',
      stem: loc(stem, b.ko?.replace(/^Q:\s+/, '')),
      options: drafts.map((d) => d.option),
      task,
    };
    const apart = listOf(b.values.apart);
    if (apart.length > 0) fact.apart = apart;
    return { fact, derivedKey: false };
  },

  languageParts: (f) => [
    { what: `item "${f.id}" stem`, line: f.line, text: f.stem },
    ...f.options.flatMap((o) => [
      { what: 'option', line: o.line, text: o.text },
      { what: 'option reason', line: o.line, text: o.reason },
    ]),
  ],

  validate(deck, f, file) {
    return (f.apart ?? []).flatMap((id) =>
      deck.factsById.has(id) && id !== f.id
        ? []
        : [
            {
              file,
              line: f.line,
              severity: 'error' as const,
              message: `item "${f.id}": apart="${id}" names no other fact (give its full id, topic.group.key)`,
            },
          ],
    );
  },

  shapes: () => [{ type: 'item' }],

  ask(deck, f, shape, rng) {
    if (shape.type !== 'item') return null;
    return makeQuestion(
      originOf(deck, f, 'item'),
      { kind: 'item', style: 'exam', prompt: prompt(f), explanation: keyReason(f) },
      f.options.map((o) => ({ text: o.text, correct: o.correct, source: f.id, reason: o.reason })),
      rng,
    );
  },

  trueFalse: () => null,

  summary(_deck, f) {
    const out: Localized = {};
    for (const lang of LANGS) {
      const keys = f.options.filter((o) => o.correct);
      out[lang] = keys.map((o) => `${pick(o.text, lang)} — ${pick(o.reason, lang)}`).join(' / ');
    }
    return out;
  },

  anki(_deck, f, lang: Lang) {
    const letters = 'ABCDEFGH';
    const front = [pick(prompt(f), lang), ...f.options.map((o, i) => `${letters[i]}. ${pick(o.text, lang)}`)].join('\n');
    const back = f.options.map((o, i) => `${o.correct ? '✔' : '✘'} ${letters[i]}. ${pick(o.reason, lang)}`).join('\n');
    return basicNote(front, back);
  },

  sheet: (_deck, f) => ({ mark: 'item', text: prompt(f), options: f.options.map((o) => ({ correct: o.correct, text: o.text, reason: o.reason })) }),
};
