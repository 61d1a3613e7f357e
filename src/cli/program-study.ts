/** The study commands: topics, quiz, review, drill, stats, exam and questions. */
import { type Command, Option } from 'commander';
import type { Context } from './context.js';
import type { HelpAfter } from './help-i18n.js';
import type { SetCode } from './program.js';
import { cacheOption, dbOption, langOption, notesOption, positiveInt, styleOption, topicOption, typeOption } from './program-options.js';

export function addStudyCommands(p: Command, ctx: Context, setCode: SetCode, after: HelpAfter): void {
  p.command('topics')
    .description('list topics with their fact counts and, once you have answered, your accuracy')
    .addOption(langOption())
    .addOption(notesOption())
    .addOption(cacheOption())
    .addOption(dbOption())
    .option('--json', 'print JSON instead of a table')
    .addHelpText('after', after('\nExamples:\n  saa topics\n  saa topics --lang ko\n  saa topics --json'))
    .action(async (opts) => setCode(await (await import('./commands/topics.js')).run(opts, ctx)));

  p.command('today')
    .description("what to study today: due reviews, new facts up to the day's quota, your weakest topic; Enter starts the first")
    .option('--json', 'print the plan as JSON')
    .addOption(langOption())
    .addOption(notesOption())
    .addOption(cacheOption())
    .addOption(dbOption())
    .addHelpText(
      'after',
      after('\nThe quota of new facts comes from your exam date (saa stats --exam-date), else 15 a day.\n\nExamples:\n  saa today\n  saa today --lang ko'),
    )
    .action(async (opts) => setCode(await (await import('./commands/today.js')).run(opts, ctx)));

  p.command('quiz')
    .description('answer questions one at a time, with feedback after each; every answer is saved')
    .addOption(topicOption())
    .option('-n, --count <n>', 'number of questions', positiveInt('--count', 500), 10)
    .option('--seed <seed>', 'seed for a repeatable quiz')
    .addOption(typeOption())
    .addOption(styleOption())
    .option('--new', 'only facts you have never answered')
    .addOption(langOption())
    .addOption(notesOption())
    .addOption(cacheOption())
    .addOption(dbOption())
    .addHelpText(
      'after',
      after(
        '\nKeys: ↑/↓ or a number key to choose (space toggles in "choose two"), Enter to answer, Enter again after the feedback, Ctrl-C to stop (answers so far are kept).\n\nExamples:\n  saa quiz --topic s3\n  saa quiz --style exam --topic vpc,s3\n  saa quiz --topic s3,ec2 --count 20 --type mc\n  saa quiz --seed 42 --lang ko',
      ),
    )
    .action(async (opts) => setCode(await (await import('./commands/quiz.js')).run(opts, ctx)));

  p.command('review')
    .description('answer the facts the spaced-repetition scheduler says are due, most overdue first')
    .option('-l, --limit <n>', 'at most this many questions', positiveInt('--limit', 1000), 20)
    .option('--seed <seed>', 'seed for repeatable question shapes')
    .addOption(langOption())
    .addOption(notesOption())
    .addOption(cacheOption())
    .addOption(dbOption())
    .addHelpText(
      'after',
      after("\nEvery answer (in quiz, drill, review or exam) updates that fact's review schedule.\n\nExamples:\n  saa review\n  saa review --limit 10"),
    )
    .action(async (opts) => setCode(await (await import('./commands/review.js')).run(opts, ctx)));

  p.command('drill')
    .description('questions from your weakest topics: least-remembered facts first, some unseen ones mixed in')
    .option('-t, --topic <ids>', 'drill these topics instead of the weakest ones')
    .option('-n, --count <n>', 'number of questions', positiveInt('--count', 500), 15)
    .option('--seed <seed>', 'seed for a repeatable drill')
    .addOption(langOption())
    .addOption(notesOption())
    .addOption(cacheOption())
    .addOption(dbOption())
    .addHelpText('after', after('\nExamples:\n  saa drill\n  saa drill --topic vpc --count 25'))
    .action(async (opts) => setCode(await (await import('./commands/drill.js')).run(opts, ctx)));

  p.command('stats')
    .description('mastery per topic and domain, accuracy trend, streak, exam history and readiness')
    .option('--exam-date <YYYY-MM-DD>', 'remember your exam date and plan reviews up to it')
    .option('--json', 'print JSON (shape documented in README)')
    .addOption(langOption())
    .addOption(notesOption())
    .addOption(cacheOption())
    .addOption(dbOption())
    .addHelpText('after', after('\nExamples:\n  saa stats\n  saa stats --exam-date 2026-12-20\n  saa stats --json'))
    .action(async (opts) => setCode(await (await import('./commands/stats.js')).run(opts, ctx)));

  const exam = p
    .command('exam')
    .enablePositionalOptions()
    .description('a timed mock exam in the SAA-C03 format (65 questions, 130 minutes), with resume and review')
    .option('-q, --questions <n>', 'number of questions (same domain proportions)', positiveInt('--questions', 500))
    .option('-m, --minutes <n>', 'time limit in minutes (default: 2 per question, 130 for 65)', positiveInt('--minutes', 1000))
    .option('--extra-time', 'add the 30 minutes a non-native English speaker may request')
    .option('--resume', 'continue the unfinished exam with its questions, answers, flags and time left')
    .addOption(topicOption())
    .addOption(new Option('--domain <domain>', 'only questions of one exam domain').choices(['secure', 'resilient', 'performant', 'cost']))
    .option('--seed <seed>', 'seed for a repeatable exam')
    .option('--print', 'print the questions this exam would ask, with keys, reasons and domains; nothing is started or saved')
    .option('--json', 'with --print: JSON instead of text')
    .addOption(langOption())
    .addOption(notesOption())
    .addOption(cacheOption())
    .addOption(dbOption())
    .addHelpText(
      'after',
      after(
        '\nKeys: ↑/↓ or 1–9 choose, Enter answer, f flag, n/→ next, p/← previous, r review screen, Ctrl-C pause.\nAnswers are shown only at the end; time out submits the exam as it stands.\n\nExamples:\n  saa exam\n  saa exam --questions 20 --minutes 40\n  saa exam --resume\n  saa exam --print --seed 7 --questions 10\n  saa exam list\n  saa exam review',
      ),
    )
    .action(async (opts) => setCode(await (await import('./commands/exam.js')).run(opts, ctx)));
  exam
    .command('list')
    .description('past mock exams with score and date')
    .option('--json', 'print JSON')
    .addOption(langOption())
    .addOption(dbOption())
    .addHelpText('after', after('\nExamples:\n  saa exam list\n  saa exam list --json'))
    .action(async (opts) => setCode(await (await import('./commands/exam-list.js')).run(opts, ctx)));
  exam
    .command('review [id]')
    .description("an exam's questions with your answer, the right answer and the reason for every option (default: the latest)")
    .addOption(langOption())
    .addOption(dbOption())
    .addHelpText('after', after('\nExamples:\n  saa exam review\n  saa exam review 3 | less -R'))
    .action(async (id, opts) => setCode(await (await import('./commands/exam-review.js')).run(id, opts, ctx)));

  p.command('questions')
    .description('print generated questions without asking them (for scripts and checks)')
    .addOption(topicOption())
    .option('-n, --count <n>', 'number of questions', positiveInt('--count', 100_000), 10)
    .option('--seed <seed>', 'seed for repeatable output', '1')
    .addOption(typeOption())
    .addOption(styleOption())
    .addOption(langOption())
    .addOption(notesOption())
    .addOption(cacheOption())
    .option('--json', 'print JSON (both languages, answers, reasons and sources)')
    .option('--audit', 'audit every question the notes can make: true/false balance, giveaway patterns, worst examples')
    .addHelpText(
      'after',
      after(
        '\nExamples:\n  saa questions --topic s3 --count 5\n  saa questions --style exam --count 3 --lang ko\n  saa questions --json | jq .\n  saa questions --audit --topic s3',
      ),
    )
    .action(async (opts) => setCode(await (await import('./commands/questions.js')).run(opts, ctx)));
}
