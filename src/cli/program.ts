/**
 * The command line: every command, option and help text. Command modules are imported inside
 * their actions, so `saa --help` loads none of SQLite, prompts or the notes.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { VERSION } from './version.js';

function positiveInt(name: string, max = 10_000) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`${name} must be a whole number, got "${value}"`);
    const n = Number(value);
    if (n < 1 || n > max) throw new InvalidArgumentError(`${name} must be between 1 and ${max}, got ${n}`);
    return n;
  };
}

const langOption = () => new Option('--lang <lang>', 'language of questions and messages (default: SAA_LANG, then LANG)').choices(['en', 'ko']);
const notesOption = () => new Option('--notes <dir>', 'extra folder of your own topic notes (also SAA_NOTES)');
const dbOption = () => new Option('--db <file>', 'history database file (also SAA_DB)');

export function program(): Command {
  const p = new Command('saa')
    .description('Study for the AWS Certified Solutions Architect – Associate exam (SAA-C03) in the terminal.')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    // `saa exam list --db X`: options after a subcommand belong to that subcommand.
    .enablePositionalOptions()
    // Set before the commands are added, so they inherit it: errors come back here as exit code 2.
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) })
    .addHelpText(
      'after',
      `
Examples:
  saa topics                      list topics, fact counts and your accuracy
  saa quiz --topic s3             10 questions on S3
  saa quiz --topic s3,iam -n 20   20 questions across two topics
  saa review                      the facts due for review today
  saa drill                       your weakest topics and facts
  saa stats                       mastery, trend, streak and readiness
  saa exam                        65 questions, 130 minutes, scaled score estimate
  saa questions --topic s3 --json generated questions, no prompts
  saa notes check                 validate the notes

Exit codes: 0 ok, 1 check failed, 2 usage error, 3 database or notes unusable, 130 interrupted.`,
    );

  p.command('topics')
    .description('list topics with their fact counts and, once you have answered, your accuracy')
    .addOption(langOption())
    .addOption(notesOption())
    .addOption(dbOption())
    .option('--json', 'print JSON instead of a table')
    .addHelpText('after', '\nExamples:\n  saa topics\n  saa topics --lang ko\n  saa topics --json')
    .action(async (opts) => (await import('./commands/topics.js')).run(opts));

  p.command('quiz')
    .description('answer questions one at a time, with feedback after each; every answer is saved')
    .option('-t, --topic <ids>', 'topic ids or aliases, comma-separated (default: all topics)')
    .option('-n, --count <n>', 'number of questions', positiveInt('--count', 500), 10)
    .option('--seed <seed>', 'seed for a repeatable quiz')
    .addOption(new Option('--type <type>', 'question type').choices(['mc', 'tf', 'mixed']).default('mixed'))
    .addOption(langOption())
    .addOption(notesOption())
    .addOption(dbOption())
    .addHelpText(
      'after',
      '\nKeys: ↑/↓ or a number key to choose, Enter to answer, Ctrl-C to stop (answers so far are kept).\n\nExamples:\n  saa quiz --topic s3\n  saa quiz --topic s3,ec2 --count 20 --type mc\n  saa quiz --seed 42 --lang ko',
    )
    .action(async (opts) => (await import('./commands/quiz.js')).run(opts));

  p.command('review')
    .description('answer the facts the spaced-repetition scheduler says are due, most overdue first')
    .option('-l, --limit <n>', 'at most this many questions', positiveInt('--limit', 1000), 20)
    .option('--seed <seed>', 'seed for repeatable question shapes')
    .addOption(langOption())
    .addOption(notesOption())
    .addOption(dbOption())
    .addHelpText('after', '\nEvery answer (in quiz, drill, review or exam) updates that fact\'s review schedule.\n\nExamples:\n  saa review\n  saa review --limit 10')
    .action(async (opts) => (await import('./commands/review.js')).run(opts));

  p.command('drill')
    .description('questions from your weakest topics: least-remembered facts first, some unseen ones mixed in')
    .option('-t, --topic <ids>', 'drill these topics instead of the weakest ones')
    .option('-n, --count <n>', 'number of questions', positiveInt('--count', 500), 15)
    .option('--seed <seed>', 'seed for a repeatable drill')
    .addOption(langOption())
    .addOption(notesOption())
    .addOption(dbOption())
    .addHelpText('after', '\nExamples:\n  saa drill\n  saa drill --topic vpc --count 25')
    .action(async (opts) => (await import('./commands/drill.js')).run(opts));

  p.command('stats')
    .description('mastery per topic and domain, accuracy trend, streak, exam history and readiness')
    .option('--exam-date <YYYY-MM-DD>', 'remember your exam date and plan reviews up to it')
    .option('--json', 'print JSON (shape documented in README)')
    .addOption(langOption())
    .addOption(notesOption())
    .addOption(dbOption())
    .addHelpText('after', '\nExamples:\n  saa stats\n  saa stats --exam-date 2026-12-20\n  saa stats --json')
    .action(async (opts) => (await import('./commands/stats.js')).run(opts));

  const exam = p
    .command('exam')
    .enablePositionalOptions()
    .description('a timed mock exam in the SAA-C03 format (65 questions, 130 minutes), with resume and review')
    .option('-q, --questions <n>', 'number of questions (same domain proportions)', positiveInt('--questions', 500))
    .option('-m, --minutes <n>', 'time limit in minutes (default: 2 per question, 130 for 65)', positiveInt('--minutes', 1000))
    .option('--extra-time', 'add the 30 minutes a non-native English speaker may request')
    .option('--resume', 'continue the unfinished exam with its questions, answers, flags and time left')
    .option('-t, --topic <ids>', 'only these topics (comma-separated)')
    .option('--seed <seed>', 'seed for a repeatable exam')
    .addOption(langOption())
    .addOption(notesOption())
    .addOption(dbOption())
    .addHelpText(
      'after',
      '\nKeys: ↑/↓ or 1–9 choose, Enter answer, f flag, n/→ next, p/← previous, r review screen, Ctrl-C pause.\nAnswers are shown only at the end; time out submits the exam as it stands.\n\nExamples:\n  saa exam\n  saa exam --questions 20 --minutes 40\n  saa exam --resume\n  saa exam list\n  saa exam review',
    )
    .action(async (opts) => (await import('./commands/exam.js')).run(opts));
  exam
    .command('list')
    .description('past mock exams with score and date')
    .option('--json', 'print JSON')
    .addOption(langOption())
    .addOption(dbOption())
    .addHelpText('after', '\nExamples:\n  saa exam list\n  saa exam list --json')
    .action(async (opts) => (await import('./commands/exam-history.js')).list(opts));
  exam
    .command('review [id]')
    .description('walk an exam\'s questions with your answer, the right answer and explanations (default: the latest)')
    .addOption(langOption())
    .addOption(notesOption())
    .addOption(dbOption())
    .addHelpText('after', '\nExamples:\n  saa exam review\n  saa exam review 3 | less -R')
    .action(async (id, opts) => (await import('./commands/exam-history.js')).review(id, opts));

  p.command('questions')
    .description('print generated questions without asking them (for scripts and checks)')
    .option('-t, --topic <ids>', 'topic ids or aliases, comma-separated (default: all topics)')
    .option('-n, --count <n>', 'number of questions', positiveInt('--count', 100_000), 10)
    .option('--seed <seed>', 'seed for repeatable output', '1')
    .addOption(new Option('--type <type>', 'question type').choices(['mc', 'tf', 'mixed']).default('mixed'))
    .addOption(langOption())
    .addOption(notesOption())
    .option('--json', 'print JSON (both languages, answers and sources)')
    .addHelpText('after', '\nExamples:\n  saa questions --topic s3 --count 5\n  saa questions --topic iam --count 20 --lang ko\n  saa questions --json | jq .')
    .action(async (opts) => (await import('./commands/questions.js')).run(opts));

  p.command('doctor')
    .description('check the history database and show paths, versions and counts; --restore puts the last backup back')
    .option('--restore', 'replace the database with its newest backup (the current file is moved aside, not deleted)')
    .addOption(notesOption())
    .addOption(dbOption())
    .addHelpText('after', '\nExamples:\n  saa doctor\n  saa doctor --restore')
    .action(async (opts) => (await import('./commands/doctor.js')).run(opts));

  const notes = p.command('notes').description('work with topic notes');
  notes
    .command('check')
    .description('validate the shipped notes and your own; print each problem as file:line: message')
    .addOption(notesOption())
    .option('--strict', 'treat warnings as errors')
    .option('--bilingual', 'hold your notes to the shipped notes\' rule: every fact in English and Korean')
    .addHelpText('after', '\nExamples:\n  saa notes check\n  saa notes check --notes ~/my-notes --strict')
    .action(async (opts) => (await import('./commands/notes-check.js')).run(opts));

  notes
    .command('new <id>')
    .description('write a template note with one example of every fact kind')
    .option('--dir <dir>', 'folder to write it in (default: --notes / SAA_NOTES, else the current folder)')
    .option('--title <title>', 'the topic title')
    .addOption(notesOption())
    .addHelpText('after', '\nExamples:\n  saa notes new kinesis --dir ~/saa-notes\n  SAA_NOTES=~/saa-notes saa notes new my-topic --title "My topic"')
    .action(async (id, opts) => (await import('./commands/notes-new.js')).run(id, opts));
  notes
    .command('show <id>')
    .description('show a topic\'s facts as a study sheet')
    .addOption(langOption())
    .addOption(notesOption())
    .addHelpText('after', '\nExamples:\n  saa notes show s3\n  saa notes show vpc --lang ko | less -R')
    .action(async (id, opts) => (await import('./commands/notes-show.js')).run(id, opts));

  const exp = p.command('export').description('export facts (Anki, JSON) and your history');
  exp
    .command('anki')
    .description("Anki text import (tab separated, one card per fact, tags from topic, domain and group)")
    .option('-t, --topic <ids>', 'only these topics')
    .addOption(langOption())
    .addOption(notesOption())
    .addHelpText('after', '\nIn Anki: File → Import, choose the file; the header lines set the separator and the tags column.\n\nExamples:\n  saa export anki > saa.txt\n  saa export anki --topic s3,vpc --lang ko > saa-ko.txt')
    .action(async (opts) => (await import('./commands/export.js')).anki(opts));
  exp
    .command('json')
    .description('topics and facts as JSON; with --history also your answer log')
    .option('-t, --topic <ids>', 'only these topics')
    .option('--history', 'include sessions and answers (for saa import history on another computer)')
    .addOption(langOption())
    .addOption(notesOption())
    .addOption(dbOption())
    .addHelpText('after', '\nExamples:\n  saa export json > facts.json\n  saa export json --history > saa-backup.json')
    .action(async (opts) => (await import('./commands/export.js')).json(opts));
  exp
    .command('history')
    .description('your sessions and answers as JSON, for saa import history')
    .addOption(dbOption())
    .addHelpText('after', '\nExamples:\n  saa export history > history.json')
    .action(async (opts) => (await import('./commands/export.js')).history(opts));

  p.command('import')
    .description('import data exported by saa')
    .command('history <file>')
    .description('merge a history exported on another computer (answers already present are skipped; "-" reads stdin)')
    .addOption(dbOption())
    .addHelpText('after', '\nExamples:\n  saa import history history.json\n  ssh laptop saa export history | saa import history -')
    .action(async (file, opts) => (await import('./commands/import.js')).history(file, opts));

  p.command('completion <shell>')
    .description('print a shell completion script (bash, zsh or fish) with commands, options and topic ids')
    .addOption(notesOption())
    .addHelpText('after', '\nExamples:\n  source <(saa completion bash)          # in ~/.bashrc\n  source <(saa completion zsh)           # in ~/.zshrc\n  saa completion fish | source           # in config.fish')
    .action(async (shell, opts) => (await import('./commands/completion.js')).run(shell, opts));

  return p;
}
