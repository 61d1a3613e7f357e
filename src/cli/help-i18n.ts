/**
 * Command help and commander's own messages in the user's language. Descriptions are looked up
 * whole; the text after a command's options is translated line by line (example command lines
 * stay as they are), so a help text is written once, in English, in the program files.
 */
import { type Argument, type Command, Help, type Option } from 'commander';
import type { Lang } from '../core/types.js';
import { textWidth } from './render/wrap.js';

/** The Korean tables, loaded only for a Korean command line (an English start compiles none of them). */
let KO_HELP: Record<string, string> = {};
let koFailureText: (message: string) => string = (message) => message;

/** Loads what `lang` needs before the program is built; English needs nothing. */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (lang !== 'ko') return;
  const [help, errors] = await Promise.all([import('./help-ko.js'), import('./errors-ko.js')]);
  KO_HELP = help.KO_HELP;
  koFailureText = errors.koFailure;
}

/** A failure message in Korean (after loadLanguage('ko')); unchanged otherwise. */
export const koFailure = (message: string): string => koFailureText(message);

export type Tr = (text: string) => string;
/** A command's closing help text, translated and fitted to the terminal when help is shown (not on every start). */
export type HelpAfter = (text: string) => () => string;

const KO_LINES: Record<string, string> = { 'Examples:': '예:' };

/** A help line in Korean; an example command line with nothing to translate stays as it is. */
function koLine(line: string): string {
  return KO_LINES[line] ?? KO_HELP[line] ?? line;
}

export function translator(lang: Lang): Tr {
  if (lang === 'en') return (text) => text;
  return (text) => (text.includes('\n') ? text.split('\n').map(koLine).join('\n') : (KO_HELP[text] ?? text));
}

/** The headings commander writes itself. */
const KO_TITLES: Record<string, string> = {
  'Usage:': '사용법:',
  'Options:': '옵션:',
  'Commands:': '명령:',
  'Arguments:': '인수:',
  'Global Options:': '전역 옵션:',
};

/** Commander's own notes after a description: "(choices: …, default: …)". */
const koNotes = (text: string) =>
  text
    .replace(/\(choices: /g, '(선택: ')
    .replace(/\(default: /g, '(기본값: ')
    .replace(/, default: /g, ', 기본값: ');

/**
 * Puts Korean descriptions on every command, option and argument, and Korean headings on the
 * help; widths are measured in terminal columns (a Korean syllable takes two).
 */
export function localizeProgram(root: Command, tr: Tr): void {
  const walk = (c: Command) => {
    c.description(tr(c.description()));
    for (const o of c.options) o.description = tr(o.description ?? '');
    for (const a of c.registeredArguments) a.description = tr(a.description);
    c.configureHelp({
      displayWidth: (str: string) => textWidth(str),
      styleTitle: (str: string) => KO_TITLES[str] ?? str,
      optionDescription(this: Help, option: Option) {
        return koNotes(Help.prototype.optionDescription.call(this, option));
      },
      argumentDescription(this: Help, argument: Argument) {
        return koNotes(Help.prototype.argumentDescription.call(this, argument));
      },
    });
    for (const s of c.commands) walk(s);
  };
  walk(root);
}

/** Commander's error messages (unknown option, missing argument …) in Korean; others unchanged. */
const KO_ERRORS: [RegExp, (...m: string[]) => string][] = [
  [/^unknown option '([^']*)'/, (o) => `알 수 없는 옵션입니다: '${o}'`],
  [/^unknown command '([^']*)'/, (c) => `알 수 없는 명령입니다: '${c}'`],
  [/^missing required argument '([^']*)'/, (a) => `필요한 인수 '${a}'가 없습니다`],
  [/^required option '([^']*)' not specified/, (o) => `필요한 옵션 '${o}'이(가) 없습니다`],
  [/^option '([^']*)' argument missing/, (o) => `옵션 '${o}'에 값이 없습니다`],
  [/^option '([^']*)' argument '([^']*)' is invalid\. (.*)/s, (o, v, why) => `옵션 '${o}'의 값 '${v}'이(가) 올바르지 않습니다. ${koFailure(why.trim())}`],
  [
    /^too many arguments for '([^']*)'\. Expected (\d+) arguments? but got (\d+)\./,
    (c, e, g) => `'${c}'에 인수가 너무 많습니다. ${e}개를 받는데 ${g}개가 왔습니다.`,
  ],
  [/^too many arguments\. Expected (\d+) arguments? but got (\d+)\./, (e, g) => `인수가 너무 많습니다. ${e}개를 받는데 ${g}개가 왔습니다.`],
];

export function translateError(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  const first = message.split('\n')[0] ?? '';
  for (const [re, ko] of KO_ERRORS) {
    const m = re.exec(first);
    if (m) return `${ko(...m.slice(1))}${message.slice(first.length).replace(/\(Did you mean (.*)\?\)/, '($1을(를) 말씀하셨나요?)')}`;
  }
  return message;
}
