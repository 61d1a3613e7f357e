/** `saa exam list`: past mock exams with their number, score and date. */

import { listExams } from '../../io/exam-store.js';
import { resolveLang } from '../../io/locale.js';
import type { Context } from '../context.js';
import { clock, examStrings } from '../exam-strings.js';
import { withExistingStore } from '../open-store.js';
import { formatDate, safeJson } from '../render/render.js';
import { table } from '../render/table.js';

export async function run(opts: { lang?: string; db?: string; json?: boolean }, ctx: Context): Promise<number> {
  const lang = resolveLang(opts.lang, ctx.env);
  const e = examStrings(lang);
  const rows = withExistingStore(opts.db, ctx, (store) => (store ? listExams(store) : []));
  if (opts.json) {
    ctx.stdout.write(`${safeJson(rows.map((r) => ({ ...r, startedAt: new Date(r.startedAt).toISOString() })))}\n`);
    return 0;
  }
  if (rows.length === 0) {
    ctx.stdout.write(`${e.noExams}\n`);
    return 0;
  }
  const body = rows.map((r) => [
    String(r.number),
    formatDate(r.startedAt),
    String(r.questions),
    r.score === null ? '-' : String(r.score),
    r.pass === null ? '-' : r.pass ? e.pass : e.fail,
    r.usedMs === null ? '-' : clock(r.usedMs),
    e.status[r.status] ?? r.status,
  ]);
  ctx.stdout.write(`${table(e.listHeader, body, ['r', 'l', 'r', 'r', 'l', 'r', 'l'])}\n`);
  return 0;
}
