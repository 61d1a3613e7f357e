/**
 * Validation of a note's front matter (already parsed from YAML/JSON) into a Topic. Each field is
 * checked with its own valibot schema, so a note's author gets one sentence per field at fault,
 * in the words of the note format rather than of the validator.
 */
import * as v from 'valibot';
import { DOMAINS, type Domain, type Localized, type Topic } from './types.js';

const ID = /^[a-z0-9][a-z0-9-]*$/;
const KNOWN_KEYS = new Set(['id', 'title', 'domains', 'aliases']);

const IdSchema = v.pipe(v.string(), v.regex(ID));
const TextSchema = v.pipe(v.string(), v.trim(), v.minLength(1));
const TitleSchema = v.union([
  v.pipe(
    TextSchema,
    v.transform((en): Localized => ({ en })),
  ),
  v.pipe(
    v.object({ en: v.optional(v.unknown()), ko: v.optional(v.unknown()) }),
    // A language whose text is empty or not text is left out, as if it were not written.
    v.transform((t): Localized => {
      const out: Localized = {};
      for (const lang of ['en', 'ko'] as const) {
        const r = v.safeParse(TextSchema, t[lang]);
        if (r.success) out[lang] = r.output;
      }
      return out;
    }),
    v.check((t) => t.en !== undefined || t.ko !== undefined),
  ),
]);
const ListSchema = v.array(v.unknown());
const DomainSchema = v.picklist(DOMAINS);

export function parseFrontMatter(
  data: Record<string, unknown>,
  file: string,
  order: number,
  report: (message: string, severity?: 'error' | 'warning') => void,
  options: { requireBothLanguages?: boolean } = {},
): Topic | null {
  let ok = true;
  const fail = (message: string) => {
    ok = false;
    report(message);
  };

  const id = v.safeParse(IdSchema, data.id);
  if (!id.success) fail('front matter "id" must be a lowercase id such as "s3" or "ec2-storage"');

  const title = v.safeParse(TitleSchema, data.title);
  if (!title.success) fail('front matter "title" must be a string or { en: ..., ko: ... }');
  else if (options.requireBothLanguages && (!title.output.en || !title.output.ko)) fail('front matter "title" needs en and ko');

  const domains: Domain[] = [];
  const domainList = v.safeParse(ListSchema, data.domains);
  if (!domainList.success || domainList.output.length === 0) {
    fail(`front matter "domains" must list one or more of: ${DOMAINS.join(', ')}`);
  } else {
    for (const d of domainList.output) {
      const r = v.safeParse(DomainSchema, d);
      if (r.success) domains.push(r.output);
      else fail(`unknown domain "${String(d)}"; use ${DOMAINS.join(', ')}`);
    }
  }

  const aliases: string[] = [];
  if (data.aliases !== undefined) {
    const list = v.safeParse(ListSchema, data.aliases);
    if (!list.success) fail('front matter "aliases" must be a list');
    else
      for (const a of list.output) {
        const r = v.safeParse(IdSchema, a);
        if (r.success) aliases.push(r.output);
        else fail(`alias "${String(a)}" must be a lowercase id`);
      }
  }

  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) report(`unknown front matter key "${key}" is ignored`, 'warning');
  }

  if (!ok || !id.success || !title.success) return null;
  return { id: id.output, order, title: title.output, domains: [...new Set(domains)], aliases, file };
}
