/** Numbers and units in answers: so a size is only ever confused with another size of like magnitude. */
import type { Localized } from '../types.js';

/** Unit class of an answer: size, duration, percent, throughput, plain number, another unit, or text. */
export function unitClass(answer: string): string {
  const a = answer.trim().toLowerCase();
  const num = /^[~≈<>]?\s*[\d.,]+\s*(.*)$/.exec(a);
  if (!num) return 'text';
  const unit = (num[1] ?? '').trim();
  if (unit === '') return 'number';
  if (/^(b|bytes?|kb|kib|mb|mib|gb|gib|tb|tib|pb|pib|eb)$/.test(unit)) return 'size';
  if (/^(ms|milliseconds?|seconds?|secs?|s|minutes?|mins?|hours?|h|days?|weeks?|months?|years?|초|분|시간|일|주|개월|년)$/.test(unit)) return 'duration';
  if (unit === '%') return 'percent';
  if (/^(mb\/s|mib\/s|gb\/s|gbps|mbps|kbps)$/.test(unit)) return 'throughput';
  return `unit:${unit}`;
}

/** The unit written after a number (`10 minutes` → `minute`). */
export function unitOf(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^[~≈<>]?\s*[\d.,]+\s*/, '')
    .replace(/s$/, '');
}

export function numberOf(text: string): number | null {
  const m = /^[~≈<>]?\s*([\d.,]+)/.exec(text.trim());
  const n = m ? Number((m[1] ?? '').replace(/,/g, '')) : Number.NaN;
  return Number.isFinite(n) ? n : null;
}

const SCALE: Record<string, number> = {
  b: 1,
  byte: 1,
  bytes: 1,
  kb: 1e3,
  kib: 1024,
  mb: 1e6,
  mib: 1024 ** 2,
  gb: 1e9,
  gib: 1024 ** 3,
  tb: 1e12,
  tib: 1024 ** 4,
  pb: 1e15,
  pib: 1024 ** 5,
  ms: 0.001,
  millisecond: 0.001,
  milliseconds: 0.001,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hour: 3600,
  hours: 3600,
  day: 86400,
  days: 86400,
  week: 604800,
  weeks: 604800,
  month: 2_592_000,
  months: 2_592_000,
  year: 31_536_000,
  years: 31_536_000,
  초: 1,
  분: 60,
  시간: 3600,
  일: 86400,
  주: 604800,
  개월: 2_592_000,
  년: 31_536_000,
};

const NONE = /^(none|no|n\/a|0|없음)$/i;
const UNLIMITED = /^(unlimited|no limit|무제한)$/i;

/**
 * A cell as a comparable number in base units (`64 TiB` → bytes, `15 minutes` → seconds,
 * `none` → 0, `unlimited` → ∞); null when the cell holds no number.
 */
export function measure(cell: Localized): number | null {
  const text = (cell.en ?? cell.ko ?? '').trim();
  if (NONE.test(text)) return 0;
  if (UNLIMITED.test(text)) return Number.POSITIVE_INFINITY;
  // A relative cost written as dollar signs ($, $$, $$$) reads as its count.
  if (/^\$+$/.test(text)) return text.length;
  const m = /^[~≈<>]?\s*([\d.,]+)\s*([^\s(,;]*)/.exec(text);
  if (!m) return null;
  const n = Number((m[1] ?? '').replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  const unit = (m[2] ?? '').toLowerCase();
  return unit === '' ? n : n * (SCALE[unit] ?? 1);
}
