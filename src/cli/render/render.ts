/** Terminal output: colour (respecting NO_COLOR / FORCE_COLOR / non-terminals), bars, sanitising note text. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Env } from '../../io/paths.js';
import type { Output } from '../context.js';

export { clean } from './clean.js';

/** Colour only for a terminal that can show it (not TERM=dumb), never with NO_COLOR; FORCE_COLOR wins over all. */
export function makeChalk(stream: Output, env: Env): ChalkInstance {
  let level: 0 | 1 | 2 | 3 = stream.isTTY && env.TERM !== 'dumb' ? 2 : 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') level = 0;
  if (env.FORCE_COLOR !== undefined) level = env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false' ? 0 : 2;
  return new Chalk({ level });
}

/** A fixed-width bar for a share in [0, 1]. */
export function bar(share: number, width = 10): string {
  const filled = Math.round(Math.max(0, Math.min(1, share)) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** `72%`, or `-` when there is nothing to measure yet. */
export function percent(share: number | null): string {
  return share === null ? '-' : `${Math.round(share * 100)}%`;
}

/** Local calendar date, YYYY-MM-DD. */
export function formatDate(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A due time as a person reads it: date and time, and how far off it is. */
export function formatWhen(epochMs: number, now: number, lang: 'en' | 'ko'): string {
  const d = new Date(epochMs);
  const time = `${formatDate(epochMs)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  const minutes = Math.max(1, Math.round((epochMs - now) / 60_000));
  const rel = minutes < 60 ? [minutes, 'min', '분'] : minutes < 48 * 60 ? [Math.round(minutes / 60), 'h', '시간'] : [Math.round(minutes / 1440), 'd', '일'];
  return lang === 'ko' ? `${time} (${rel[0]}${rel[2]} 뒤)` : `${time} (in ${rel[0]} ${rel[1]})`;
}

/**
 * JSON for stdout. JSON.stringify already escapes C0 controls; C1 controls and bidi overrides
 * from note text are escaped too, so printing the JSON to a terminal is as safe as the text UI.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
