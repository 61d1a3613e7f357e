/**
 * Korean particles that depend on how the word before them ends: 은/는, 이/가, 을/를, 과/와.
 * Hangul syllables carry their final consonant; for a Latin letter or a digit the word is read
 * aloud (S3 → 에스쓰리, "EBS" ends in 에스). Written here because it is a dozen lines of
 * code-point arithmetic and a reading table, which no maintained library covers for English words.
 */

/** Latin letters and digits whose spoken Korean name ends in a consonant (엘, 엠, 엔, 알; 영, 일, 삼, 육, 칠, 팔). */
const CLOSED = new Set(['l', 'm', 'n', 'r', '0', '1', '3', '6', '7', '8']);
/** A digit right after a letter (S3, EC2, gp3) is read in English: one, seven, eight, nine end in a consonant. */
const CLOSED_ENGLISH = new Set(['1', '7', '8', '9']);

/** Whether the word, read aloud in Korean, ends in a consonant (받침). */
export function endsInConsonant(word: string): boolean {
  const trimmed = word.replace(/[\s'")\]’”.,!?]+$/u, '');
  const last = [...trimmed].pop() ?? '';
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 !== 0;
  if (/[A-Za-z]\d$/.test(trimmed)) return CLOSED_ENGLISH.has(last);
  return CLOSED.has(last.toLowerCase());
}

export type Particle = '은/는' | '이/가' | '을/를' | '과/와';

/** The word followed by the particle form that agrees with it: 배포 정책 + 은/는 → 배포 정책은. */
export function josa(word: string, particle: Particle): string {
  const [closed, open] = particle.split('/') as [string, string];
  return `${word}${endsInConsonant(word) ? closed : open}`;
}
