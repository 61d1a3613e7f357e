/** What a topic note file is called (`08-s3.md`) and how large it may be: shared by the reader and the parser. */

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
const FILE_NAME = /^(\d{2,})-([a-z0-9][a-z0-9-]*)\.md$/;

/** `08-s3.md` → 8; null when the name is not a topic note's. */
export function topicOrder(fileName: string): number | null {
  const m = FILE_NAME.exec(fileName);
  return m ? Number(m[1]) : null;
}

export function isTopicFileName(fileName: string): boolean {
  return FILE_NAME.test(fileName);
}
