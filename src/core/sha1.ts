/**
 * SHA-1 of a string's UTF-8 bytes. Anki needs it (a note's `csum` is the first 4 bytes of the
 * SHA-1 of its stripped sort field), and the Anki package takes its fixed ids from it. Pure
 * computation, so the core may use it; not for anything security-related.
 */
import { createHash } from 'node:crypto';

export function sha1(text: string): Uint8Array {
  return new Uint8Array(createHash('sha1').update(text, 'utf8').digest());
}
