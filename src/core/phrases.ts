/** The sentences questions are built from, in both languages, and how a fact reads in an explanation. */
import { pick } from './text.js';
import { groupKey, type Deck, type Fact, type Lang, type Localized } from './types.js';

type Template = (v: Record<string, string>) => string;

/** Ends a question with one question mark, even when the note's text already ends with one. */
const ask = (text: string) => (/[?？]$/.test(text) ? text : `${text}?`);

const T: Record<string, Record<Lang, Template>> = {
  termDesc: {
    en: (v) => ask(`Which statement describes ${v.term}`),
    ko: (v) => `${v.term}에 대한 설명으로 옳은 것은?`,
  },
  descTerm: {
    en: (v) => `Which one is described here?\n${v.desc}`,
    ko: (v) => `다음 설명에 해당하는 것은?\n${v.desc}`,
  },
  cell: {
    en: (v) => ask(`${v.context}${v.label} (${v.header}) — ${v.column}`),
    ko: (v) => `${v.context}${v.label} (${v.header})의 '${v.column}' 값은?`,
  },
  cellLabel: {
    en: (v) => ask(`${v.context}Which ${v.header} has ${v.column}: ${v.value}`),
    ko: (v) => `${v.context}${v.header} 중 '${v.column}: ${v.value}'에 해당하는 것은?`,
  },
  cloze: {
    en: (v) => `Fill in the blank:\n${v.text}`,
    ko: (v) => `빈칸에 들어갈 말로 알맞은 것은?\n${v.text}`,
  },
  scenario: {
    en: (v) => `Which AWS service or feature fits best?\n${v.scenario}`,
    ko: (v) => `가장 알맞은 AWS 서비스 또는 기능은?\n${v.scenario}`,
  },
  trueFalse: {
    en: (v) => `True or false?\n${v.statement}`,
    ko: (v) => `참인가, 거짓인가?\n${v.statement}`,
  },
  termClaim: {
    en: (v) => `${v.term}: ${v.desc}`,
    ko: (v) => `${v.term}: ${v.desc}`,
  },
  cellClaim: {
    en: (v) => `${v.context}${v.label} (${v.header}) — ${v.column}: ${v.value}`,
    ko: (v) => `${v.context}${v.label} (${v.header}) — ${v.column}: ${v.value}`,
  },
  scenarioClaim: {
    en: (v) => `${v.scenario} → best fit: ${v.answer}`,
    ko: (v) => `${v.scenario} → 가장 알맞은 것: ${v.answer}`,
  },
};

/** Renders a template into both languages, taking each value in the matching language. */
export function phrase(name: keyof typeof T, values: Record<string, Localized>): Localized {
  const out: Localized = {};
  const templates = T[name];
  if (!templates) throw new Error(`unknown phrase ${String(name)}`);
  for (const lang of ['en', 'ko'] as const) {
    const v: Record<string, string> = {};
    for (const [k, text] of Object.entries(values)) v[k] = pick(text, lang);
    out[lang] = templates[lang](v);
  }
  return out;
}

export const TRUE: Localized = { en: 'True', ko: '참' };
export const FALSE: Localized = { en: 'False', ko: '거짓' };
export const BLANK = '_____';

/** A cloze sentence with blank `hide` shown as a gap (or every blank filled when hide is -1). */
export function fillCloze(text: string, hide: number, replacement?: string): string {
  let k = 0;
  return text.replace(/\{\{([^{}]+)\}\}/g, (_m, answer: string) => {
    const i = k++;
    if (i !== hide) return answer.trim();
    return replacement ?? BLANK;
  });
}

/**
 * `[Cross-zone load balancing] `: the heading a table sits under, set before its questions so a
 * column such as "Default" is read in context. Empty when the table has no heading of its own.
 */
export function tableContext(title: Localized, labelHeader: Localized): Localized {
  const out: Localized = {};
  for (const lang of ['en', 'ko'] as const) {
    const t = pick(title, lang);
    out[lang] = t && t !== pick(labelHeader, lang) ? `[${t}] ` : '';
  }
  return out;
}

/** One fact as a sentence: what an explanation shows as "the correct fact". */
export function factSummary(deck: Deck, fact: Fact): Localized {
  switch (fact.kind) {
    case 'term':
      return phrase('termClaim', { term: fact.term, desc: fact.description });
    case 'statement':
      return fact.truth ? fact.statement : fact.correction;
    case 'cloze': {
      const out: Localized = {};
      for (const lang of ['en', 'ko'] as const) {
        const t = fact.text[lang];
        if (t !== undefined) out[lang] = fillCloze(t, -1);
      }
      return out;
    }
    case 'scenario':
      return phrase('scenarioClaim', { scenario: fact.scenario, answer: fact.answer });
    case 'row': {
      const g = deck.groups.get(groupKey(fact.topicId, fact.groupId));
      const out: Localized = {};
      for (const lang of ['en', 'ko'] as const) {
        const cols = (g?.columns ?? []).map((c, i) => `${pick(c, lang)}: ${pick(fact.cells[i] ?? {}, lang)}`);
        const context = tableContext(g?.title ?? {}, g?.labelHeader ?? {})[lang] ?? '';
        out[lang] = `${context}${pick(fact.label, lang)} (${pick(g?.labelHeader ?? {}, lang)}) — ${cols.join(' · ')}`;
      }
      return out;
    }
  }
}
