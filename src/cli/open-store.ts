/** Opens the history database a command names (`--db`, `SAA_DB`, else the XDG default). */
import { existsSync } from 'node:fs';
import { databasePath } from '../io/paths.js';
import { Store } from '../io/store.js';
import type { Context } from './context.js';

export function openStore(dbFlag: string | undefined, ctx: Pick<Context, 'env' | 'now'>): Store {
  return Store.open(databasePath(dbFlag, ctx.env), ctx.now());
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
