/** Language choice: `--lang`, then `SAA_LANG`, then the locale variables; Korean locale means ko. */
import type { Lang } from '../core/types.js';
import type { Env } from './paths.js';

export function resolveLang(flag: string | undefined, env: Env): Lang {
  for (const value of [flag, env.SAA_LANG]) {
    if (value === 'en' || value === 'ko') return value;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ko(_|\.|$)/i.test(locale) ? 'ko' : 'en';
}
