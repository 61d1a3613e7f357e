/**
 * The command line: every command, option and help text. Command modules are imported inside
 * their actions, so `saa --help` loads none of SQLite, prompts or the notes. Each action runs
 * its command with the context and hands back the exit code.
 */
import { Command } from 'commander';
import type { Lang } from '../core/types.js';
import { type Context, widthOf } from './context.js';
import { type HelpAfter, localizeProgram, translateError, translator } from './help-i18n.js';
import { addNotesCommands } from './program-notes.js';
import { addStudyCommands } from './program-study.js';
import { fitHelpText } from './render/help-text.js';
import { VERSION } from './version.js';

export type SetCode = (code: number) => void;

export function program(ctx: Context, setCode: SetCode, lang: Lang = 'en'): Command {
  const tr = translator(lang);
  const after: HelpAfter = (text) => () => fitHelpText(tr(text), widthOf(ctx));
  const p = new Command('saa')
    .description('Study for the AWS Certified Solutions Architect – Associate exam (SAA-C03) in the terminal.')
    .version(VERSION, '-V, --version', tr('output the version number'))
    .helpOption('-h, --help', tr('display help for command'))
    .helpCommand('help [command]', tr('display help for command'))
    .showSuggestionAfterError(true)
    // `saa exam list --db X`: options after a subcommand belong to that subcommand.
    .enablePositionalOptions()
    // Set before the commands are added, so they inherit it: errors come back as exit code 2.
    .exitOverride()
    .configureOutput({
      writeOut: (str) => ctx.stdout.write(str),
      writeErr: (str) => ctx.stderr.write(str),
      outputError: (str, write) => write(str.startsWith('error: ') ? `saa: ${translateError(str.slice(7), lang)}` : str),
    })
    .addHelpText(
      'after',
      after(`
Examples:
  saa topics                      list topics, fact counts and your accuracy
  saa quiz --topic s3             10 questions on S3
  saa quiz --style exam           exam-style scenario questions only
  saa review                      the facts due for review today
  saa drill                       your weakest topics and facts
  saa stats                       mastery, trend, streak and readiness
  saa exam                        65 questions, 130 minutes, scaled score estimate
  saa exam --print --seed 7       the questions of a mock exam, with keys and reasons
  saa questions --topic s3 --json generated questions, no prompts
  saa notes check                 validate the notes

Exit codes: 0 ok, 1 check failed, 2 usage error or bad input file, 3 database or notes unusable, 4 SQLite module missing, 130 interrupted.`),
    );
  addStudyCommands(p, ctx, setCode, after);
  addNotesCommands(p, ctx, setCode, after);
  if (lang === 'ko') localizeProgram(p, tr);
  return p;
}
