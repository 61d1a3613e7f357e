/** Where the shipped notes are. */
import { fileURLToPath } from 'node:url';

/** The notes that ship with the package, next to `dist/` (or next to `src/` when the tests run the sources). */
export function shippedNotesDir(): string {
  const fromSource = /\/src\/io\/[^/]+$/.test(import.meta.url);
  return fileURLToPath(new URL(fromSource ? '../../notes/' : '../notes/', import.meta.url));
}

/** The build's parse of the shipped notes, beside the built program (notes-seed.ts); none when the tests run the sources. */
export function shippedSeed(): string | undefined {
  if (/\/src\/io\/[^/]+$/.test(import.meta.url)) return undefined;
  return fileURLToPath(new URL('./notes-seed.json', import.meta.url));
}
