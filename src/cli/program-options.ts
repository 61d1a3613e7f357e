/** Options shared by several commands, and the parsers of option values. */
import { InvalidArgumentError, Option } from 'commander';

export function positiveInt(name: string, max = 10_000) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`${name} must be a whole number, got "${value.slice(0, 40)}"`);
    const n = Number(value);
    if (n < 1 || n > max) throw new InvalidArgumentError(`${name} must be between 1 and ${max}, got ${n}`);
    return n;
  };
}

export const langOption = () => new Option('--lang <lang>', 'language of questions and messages (default: SAA_LANG, then LANG)').choices(['en', 'ko']);
/** A path option may not be empty: `--db ''` would otherwise fall back to the default file unseen. */
function path(name: string) {
  return (value: string): string => {
    if (value.trim() === '') throw new InvalidArgumentError(`${name} needs a path, got an empty one`);
    return value;
  };
}

export const notesOption = () => new Option('--notes <dir>', 'extra folder of your own topic notes (also SAA_NOTES)').argParser(path('--notes'));
export const outOption = () => new Option('-o, --out <file>', 'the .apkg file to write (replaced if it exists)').argParser(path('--out')).makeOptionMandatory();
export const dbOption = () => new Option('--db <file>', 'history database file (also SAA_DB)').argParser(path('--db'));
export const topicOption = () => new Option('-t, --topic <ids>', 'topic ids or aliases, comma-separated (default: all topics)');
export const typeOption = () => new Option('--type <type>', 'question type').choices(['mc', 'tf', 'mixed']).default('mixed');
export const styleOption = () =>
  new Option('--style <style>', 'exam: only exam-style scenario questions; fact: only single-fact questions; mixed: some of each')
    .choices(['exam', 'fact', 'mixed'])
    .default('mixed');
export const cacheOption = () => new Option('--no-cache', 'parse the notes afresh instead of reading the parsed-notes cache (also SAA_NO_CACHE=1)');
