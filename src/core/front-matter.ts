/** Validation of a note's front matter (already parsed from YAML/JSON) into a Topic. */
import { DOMAINS, type Domain, type Localized, type Topic } from './types.js';

const ID = /^[a-z0-9][a-z0-9-]*$/;
const KNOWN_KEYS = new Set(['id', 'title', 'domains', 'aliases']);

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

  const id = data.id;
  if (typeof id !== 'string' || !ID.test(id)) {
    fail('front matter "id" must be a lowercase id such as "s3" or "ec2-storage"');
  }

  const title = toLocalized(data.title);
  if (!title) fail('front matter "title" must be a string or { en: ..., ko: ... }');
  else if (options.requireBothLanguages && (!title.en || !title.ko)) fail('front matter "title" needs en and ko');

  const domains: Domain[] = [];
  if (!Array.isArray(data.domains) || data.domains.length === 0) {
    fail(`front matter "domains" must list one or more of: ${DOMAINS.join(', ')}`);
  } else {
    for (const d of data.domains) {
      if (typeof d === 'string' && (DOMAINS as readonly string[]).includes(d)) domains.push(d as Domain);
      else fail(`unknown domain "${String(d)}"; use ${DOMAINS.join(', ')}`);
    }
  }

  const aliases: string[] = [];
  if (data.aliases !== undefined) {
    if (!Array.isArray(data.aliases)) fail('front matter "aliases" must be a list');
    else
      for (const a of data.aliases) {
        if (typeof a === 'string' && ID.test(a)) aliases.push(a);
        else fail(`alias "${String(a)}" must be a lowercase id`);
      }
  }

  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) report(`unknown front matter key "${key}" is ignored`, 'warning');
  }

  if (!ok || typeof id !== 'string' || !title) return null;
  return { id, order, title, domains: [...new Set(domains)], aliases, file };
}

function toLocalized(value: unknown): Localized | null {
  if (typeof value === 'string' && value.trim()) return { en: value.trim() };
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    const out: Localized = {};
    if (typeof v.en === 'string' && v.en.trim()) out.en = v.en.trim();
    if (typeof v.ko === 'string' && v.ko.trim()) out.ko = v.ko.trim();
    return out.en || out.ko ? out : null;
  }
  return null;
}
