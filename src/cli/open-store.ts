/** Opens the history database a command names (`--db`, `SAA_DB`, else the XDG default). */
import { existsSync } from 'node:fs';
import { checkDue, recordCheck } from '../io/check-log.js';
import { databasePath } from '../io/paths.js';
import { Store } from '../io/store.js';
import type { Context } from './context.js';

/** Opens (creating if needed) the history database; an existing one is quick-checked about once a day. */
export function openStore(dbFlag: string | undefined, ctx: Pick<Context, 'env' | 'now'>): Store {
  const file = databasePath(dbFlag, ctx.env);
  const now = ctx.now();
  const check = existsSync(file) && checkDue(file, ctx.env, now);
  const store = Store.open(file, now, { check });
  if (check) recordCheck(file, ctx.env, now);
  return store;
}

/** Opens the database only if it exists: reading history never creates a file. */
export function withExistingStore<T>(dbFlag: string | undefined, ctx: Pick<Context, 'env' | 'now'>, fn: (store: Store | null) => T): T {
  if (!existsSync(databasePath(dbFlag, ctx.env))) return fn(null);
  const store = openStore(dbFlag, ctx);
  try {
    return fn(store);
  } finally {
    store.close();
  }
}
