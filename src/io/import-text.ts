/**
 * Reading a question bank or Anki text export from disk: a regular file (never a FIFO to wait
 * on), its size checked before reading, and its bytes decoded as strict UTF-8, so a file saved
 * in another encoding is named as such instead of turning into replacement characters.
 */
import { ImportFormatError } from '../core/import/card.js';
import { readRegularBytes } from './note-files.js';

/** Far above any real question bank; far below what would make parsing slow. */
export const MAX_TEXT_BYTES = 32 * 1024 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}

export function readImportText(file: string, maxBytes = MAX_TEXT_BYTES): string {
  const r = readRegularBytes(file, maxBytes);
  if ('error' in r) throw new ImportFormatError(r.error.replace('split it into several notes', 'split it into several files'));
  const b = r.bytes;
  if (b.length === 0) throw new ImportFormatError('the file is empty');
  if (isZip(b)) throw new ImportFormatError('this is a zip file, not text; for an Anki package (.apkg, .colpkg) use "saa import anki"');
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))
    throw new ImportFormatError('the file is UTF-16 text; save it as UTF-8 and import it again');
  if (b.subarray(0, 8192).includes(0)) throw new ImportFormatError('this is not a text file (it holds NUL bytes)');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    throw new ImportFormatError('the file is not valid UTF-8 text; save it as UTF-8 (in Excel: "CSV UTF-8") and import it again');
  }
}
