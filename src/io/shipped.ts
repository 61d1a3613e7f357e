/** Where the shipped notes are. */
import { fileURLToPath } from 'node:url';

/** The notes that ship with the package, next to `dist/` (or next to `src/` when the tests run the sources). */
export function shippedNotesDir(): string {
  const fromSource = /\/src\/io\/[^/]+$/.test(import.meta.url);
  return fileURLToPath(new URL(fromSource ? '../../notes/' : '../notes/', import.meta.url));
}
