/**
 * The sentences questions are built from, in both languages. Each template names its slots in
 * its parameter type, so a misspelt phrase or slot does not compile.
 */
import { josa, type Particle } from './josa.js';
import { pick } from './text.js';
import { LANGS, type Lang, type Localized } from './types.js';

/** Ends a question with one question mark, even when the note's text already ends with one. */
const ask = (text: string) => (/[?？]$/.test(text) ? text : `${text}?`);

/** A header inside a sentence: "Storage class" → "storage class", but "EBS type" and "IAM" stay. */
export const lowerFirst = (text: string) => (/^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);

type Template<S extends string> = Record<Lang, (v: Record<S, string>) => string>;

const T = {
  termDesc: {
    en: (v) => ask(`Which statement describes ${v.term}`),
    ko: (v) => `${v.term}에 대한 설명으로 옳은 것은?`,
  } satisfies Template<'term'>,
  /** A card whose front is itself a question (an imported deck): asked as it stands. */
  askedTerm: {
    en: (v) => ask(v.term),
    ko: (v) => ask(v.term),
  } satisfies Template<'term'>,
  descTerm: {
    en: (v) => `Which one is described here?\n${v.desc}`,
    ko: (v) => `다음 설명에 해당하는 것은?\n${v.desc}`,
  } satisfies Template<'desc'>,
  cell: {
    en: (v) => `${v.context}${v.label} (${lowerFirst(v.header)}): which value fits “${v.column}”?`,
    ko: (v) => `${v.context}${v.label} (${v.header})의 '${v.column}' 값은?`,
  } satisfies Template<'context' | 'label' | 'header' | 'column'>,
  cellLabel: {
    en: (v) => `${v.context}Which ${lowerFirst(v.header)} matches “${v.column}: ${v.value}”?`,
    ko: (v) => `${v.context}${v.header} 중 '${v.column}: ${v.value}'에 해당하는 것은?`,
  } satisfies Template<'context' | 'header' | 'column' | 'value'>,
  cloze: {
    en: (v) => `Fill in the blank:\n${v.text}`,
    ko: (v) => `빈칸에 들어갈 말로 알맞은 것은?\n${v.text}`,
  } satisfies Template<'text'>,
  scenario: {
    en: (v) => `Which AWS service or feature fits best?\n${v.scenario}`,
    ko: (v) => `가장 알맞은 AWS 서비스 또는 기능은?\n${v.scenario}`,
  } satisfies Template<'scenario'>,
  statementTrue: {
    en: (v) => `Which statement about ${v.topic} is true?`,
    ko: (v) => `${v.topic}에 대한 설명으로 옳은 것은?`,
  } satisfies Template<'topic'>,
  statementFalse: {
    en: (v) => `Which statement about ${v.topic} is NOT true?`,
    ko: (v) => `${v.topic}에 대한 설명으로 옳지 않은 것은?`,
  } satisfies Template<'topic'>,
  isFalse: {
    en: (v) => `Not true: ${v.fact}`,
    ko: (v) => `옳지 않다: ${v.fact}`,
  } satisfies Template<'fact'>,
  trueFalse: {
    en: (v) => `True or false?\n${v.statement}`,
    ko: (v) => `참인가, 거짓인가?\n${v.statement}`,
  } satisfies Template<'statement'>,
  termClaim: {
    en: (v) => `${v.term}: ${v.desc}`,
    ko: (v) => `${v.term}: ${v.desc}`,
  } satisfies Template<'term' | 'desc'>,
  questionClaim: {
    en: (v) => `${v.term} — ${v.desc}`,
    ko: (v) => `${v.term} — ${v.desc}`,
  } satisfies Template<'term' | 'desc'>,
  cellClaim: {
    en: (v) => `${v.context}${v.label} (${lowerFirst(v.header)}) — ${v.column}: ${v.value}`,
    ko: (v) => `${v.context}${v.label} (${v.header}) — ${v.column}: ${v.value}`,
  } satisfies Template<'context' | 'label' | 'header' | 'column' | 'value'>,
  scenarioClaim: {
    en: (v) => `${v.scenario} → best fit: ${v.answer}`,
    ko: (v) => `${v.scenario} → 가장 알맞은 것: ${v.answer}`,
  } satisfies Template<'scenario' | 'answer'>,
  constraint: {
    en: (v) => `${v.context}A workload has these requirements:\n${v.needs}\nWhich ${v.header} meets all of them?`,
    ko: (v) => `${v.context}한 워크로드의 요구 사항은 다음과 같다.\n${v.needs}\n다음 중 이 요구 사항을 모두 만족하는 ${josa(v.header, '은/는')}?`,
  } satisfies Template<'context' | 'header' | 'needs'>,
  meetsAll: {
    en: (v) => `Meets every requirement (${v.values}).`,
    ko: (v) => `모든 요구 사항을 만족한다(${v.values}).`,
  } satisfies Template<'values'>,
  failsOne: {
    en: (v) => `Fails "${v.need}" (${v.column}: ${v.value}).`,
    ko: (v) => `"${v.need}" 조건에 맞지 않는다(${v.column}: ${v.value}).`,
  } satisfies Template<'need' | 'column' | 'value'>,
  rowHas: {
    en: (v) => `${v.label} has ${v.column}: ${v.value}.`,
    ko: (v) => `${v.label}의 '${v.column}' 값: ${v.value}`,
  } satisfies Template<'label' | 'column' | 'value'>,
  belongsTo: {
    en: (v) => `This describes something else: ${v.fact}`,
    ko: (v) => `다른 대상에 대한 내용이다: ${v.fact}`,
  } satisfies Template<'fact'>,
  /** A wrong option taken from a card whose front is a question. */
  answersOther: {
    en: (v) => `This answers another question: ${v.fact}`,
    ko: (v) => `다른 질문의 답이다: ${v.fact}`,
  } satisfies Template<'fact'>,
} as const;

export type PhraseName = keyof typeof T;
type Slots<N extends PhraseName> = keyof Parameters<(typeof T)[N]['en']>[0];

/** Renders a template into both languages, taking each value in the matching language. */
export function phrase<N extends PhraseName>(name: N, values: Record<Slots<N>, Localized>): Localized {
  const out: Localized = {};
  const templates = T[name] as Template<string>;
  for (const lang of LANGS) {
    const v: Record<string, string> = {};
    for (const [k, text] of Object.entries(values) as [string, Localized][]) v[k] = pick(text, lang);
    out[lang] = templates[lang](v);
  }
  return out;
}

export const TRUE: Localized = { en: 'True', ko: '참' };
export const FALSE: Localized = { en: 'False', ko: '거짓' };
export const BLANK = '_____';

/** The particle pairs whose form depends on the word before them, by either form. */
const PAIRS: Record<string, Particle> = { 은: '은/는', 는: '은/는', 이: '이/가', 가: '이/가', 을: '을/를', 를: '을/를', 과: '과/와', 와: '과/와' };

/**
 * A cloze sentence with blank `hide` shown as a gap (or every blank filled when hide is -1).
 * A Korean particle right after the blank follows what now stands there: another value gets
 * its own form (5 GB를, 16 TiB을 → 16 TiB를), and the gap shows both ("_____을(를)"), so that
 * the particle neither breaks nor hints at the answer.
 */
export function fillCloze(text: string, hide: number, replacement?: string): string {
  let k = 0;
  return text.replace(/\{\{([^{}]+)\}\}(?:([은는이가을를과와])(?![가-힣]))?/gu, (_m, answer: string, particle?: string) => {
    const i = k++;
    const pair = particle ? PAIRS[particle] : undefined;
    if (i !== hide) return `${answer.trim()}${particle ?? ''}`;
    if (replacement === undefined) return pair ? `${BLANK}${pair.split('/')[0]}(${pair.split('/')[1]})` : BLANK;
    return pair ? josa(replacement, pair) : replacement;
  });
}

/** A localized text mapped per language (for cloze fills and similar). */
export function mapLocalized(text: Localized, f: (t: string, lang: Lang) => string): Localized {
  const out: Localized = {};
  for (const lang of LANGS) {
    const t = text[lang];
    if (t !== undefined) out[lang] = f(t, lang);
  }
  return out;
}

/**
 * `[Cross-zone load balancing] `: the heading a table sits under, set before its questions so a
 * column such as "Default" is read in context. Empty when the table has no heading of its own.
 */
export function tableContext(title: Localized, labelHeader: Localized): Localized {
  const out: Localized = {};
  for (const lang of LANGS) {
    const t = pick(title, lang);
    out[lang] = t && t !== pick(labelHeader, lang) ? `[${t}] ` : '';
  }
  return out;
}
