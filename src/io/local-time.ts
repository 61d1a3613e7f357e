/** Weeks and days of the history in the local time zone in force at each moment. */
import { DAY_MS, weekOf } from '../core/stats.js';

/** The local week of a moment, Monday first (core weekOf with the offset in force then). */
export function localWeek(epochMs: number): number {
  return weekOf(epochMs, -new Date(epochMs).getTimezoneOffset());
}

/** The local calendar day of a moment: days since 1970-01-01 in the time zone in force then. */
export function localDay(epochMs: number): number {
  return Math.floor((epochMs - new Date(epochMs).getTimezoneOffset() * 60_000) / DAY_MS);
}
