/**
 * A statement or cloze that does not name its subject ("Records cannot be deleted one by one":
 * which service?) is asked under its group's heading, as table questions are: `[Heading] …`.
 * A heading that names no subject ("Type details") cannot serve: the topic's title stands in,
 * and `notes check --strict` points at such statements.
 */
import { pick } from '../text.js';
import { type Deck, type Fact, groupKey, LANGS, type Localized } from '../types.js';

/** Heading words that say what kind of list follows, not what it is about. */
const GENERIC = new Set(
  [
    'facts fact notes note traps trap common misc miscellaneous other others more summary key points point exam exam-style',
    'questions question things tips basics overview important remember details detail general quick rules rule limits and of the',
    'to a an in on for true false statements statement',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Names a text can use for its subject: the capitalized words of topic titles, and words the
 * topic's notes capitalize in mid-sentence ("… from a Redshift cluster"): proper names, not
 * "Minimum". Per topic, so a quiz on one topic reads only that topic's facts.
 */
function capitalized(text: string | undefined, all: boolean, out: Set<string>): void {
  for (const m of (text ?? '').matchAll(/(^|[^.!?:]\s+|[(/])([A-Z][\p{L}\p{N}-]*)/gu)) if (all || m[1] !== '') out.add(m[2] as string);
}

/** The capitalized words of every topic title: read once per deck. */
function topicTitleWords(deck: Deck): Set<string> {
  const out = new Set<string>();
  for (const t of deck.topics) capitalized(t.title.en, true, out);
  return out;
}

/** Words the topic's facts capitalize in mid-sentence: read once per topic. */
function topicNames(deck: Deck, topicId: string): Set<string> {
  const out = new Set<string>();
  for (const f of deck.byTopic.get(topicId) ?? []) {
    if (f.kind === 'term') capitalized(f.description.en, false, out);
    else if (f.kind === 'statement') capitalized(f.statement.en, false, out);
    else if (f.kind === 'scenario') capitalized(f.scenario.en, false, out);
    else if (f.kind === 'cloze') capitalized(f.text.en, false, out);
  }
  return out;
}

/** Acronyms that are units or protocols, not a service a sentence could be about ("at most 400 KB"). */
const NOT_NAMES = new Set(
  'KB MB GB TB PB KIB MIB GIB TIB IOPS TPS HTTP HTTPS TCP UDP IP IPV4 IPV6 DNS TLS SSL API APIS SQL JSON CSV XML CPU GPU RAM OS SSH RDP URL TTL ID IDS ARN UTC AZ AZS'.split(
    ' ',
  ),
);

const titleCache = new WeakMap<Deck, { titles: Set<string>; byTopic: Map<string, Set<string>> }>();

/** Whether the English text names a service or feature it is about (`anywhere`: its first word counts too, as in a heading). */
export function namesSubject(deck: Deck, topicId: string, text: Localized, anywhere = false): boolean {
  const en = text.en;
  if (en === undefined) return true;
  let cached = titleCache.get(deck);
  if (!cached) titleCache.set(deck, (cached = { titles: topicTitleWords(deck), byTopic: new Map() }));
  let own = cached.byTopic.get(topicId);
  if (!own) cached.byTopic.set(topicId, (own = topicNames(deck, topicId)));
  const titles = cached.titles;
  const names = own;
  const tokens = en.match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? [];
  return tokens.some(
    (w, i) =>
      !NOT_NAMES.has(w.toUpperCase()) &&
      (/^(AWS|Amazon)$/.test(w) ||
        /^[A-Z0-9-]*[A-Z][A-Z0-9-]*[A-Z0-9]$/.test(w) ||
        /^[A-Z][a-z]+[A-Z]/.test(w) ||
        ((anywhere || i > 0) && /^[A-Z]/.test(w) && (titles.has(w) || names.has(w)))),
  );
}

/** Whether a heading can say what a statement is about: it names a service, or has two words beyond "facts" and "details". */
export function usableHeading(deck: Deck, topicId: string, title: Localized): boolean {
  if (title.en === undefined) return false;
  if (namesSubject(deck, topicId, title, true)) return true;
  const words = title.en.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? [];
  return words.filter((w) => !GENERIC.has(w)).length >= 2;
}

/** A heading as a subject: "Lambda facts" → "Lambda", "Lambda 주요 사실" → "Lambda". */
export function headingSubject(title: Localized): Localized {
  const out: Localized = {};
  if (title.en !== undefined) out.en = title.en.replace(/\s+(facts|details)$/i, '');
  if (title.ko !== undefined) out.ko = title.ko.replace(/\s*(주요 사실|세부 사항)$/u, '');
  return out;
}

/** What a statement of this fact's group is about: the group's heading if it can serve, else the topic's title. */
export function groupSubject(deck: Deck, fact: Fact): Localized {
  const title = deck.groups.get(groupKey(fact.topicId, fact.groupId))?.title ?? {};
  return usableHeading(deck, fact.topicId, title) ? headingSubject(title) : (deck.topicsById.get(fact.topicId)?.title ?? {});
}

/** Whether a topic's title names one subject ("Amazon S3"), not several ("Serverless: Lambda, DynamoDB …"). */
export function singleSubject(title: Localized): boolean {
  return !/[,:&]| and /.test(title.en ?? '');
}

/** `[Subject] ` before a text that does not name its subject (see groupSubject); else empty. */
export function subjectContext(deck: Deck, fact: Fact, text: Localized): Localized {
  const out: Localized = {};
  const subject = namesSubject(deck, fact.topicId, text) ? {} : groupSubject(deck, fact);
  for (const lang of LANGS) out[lang] = pick(subject, lang) ? `[${pick(subject, lang)}] ` : '';
  return out;
}

/** The text with its context in front, per language. */
export function inContext(context: Localized, text: Localized): Localized {
  const out: Localized = {};
  for (const lang of LANGS) {
    const t = text[lang];
    if (t !== undefined) out[lang] = `${context[lang] ?? ''}${t}`;
  }
  return out;
}
