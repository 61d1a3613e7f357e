/**
 * What the caches (notes, compiled code, database checks) share: a file's stamp from its inode,
 * a content hash, and writing under a temporary name then renaming, so that a reader never
 * finds a half-written file.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Size, modification and change times (nanoseconds), inode and device: any write changes it. */
export const statStamp = (st: { size: bigint; mtimeNs: bigint; ctimeNs: bigint; ino: bigint; dev: bigint }) =>
  `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}:${st.dev}`;

/** Writes `file` (and its folder) whole or not at all; throws when it cannot, leaving no temporary file. */
export function writeAtomically(file: string, data: string | Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {}
    throw err;
  }
}
