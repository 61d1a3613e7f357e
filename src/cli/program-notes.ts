/** The commands around the study: doctor, notes, export, import and completion. */
import type { Command } from 'commander';
import type { Context } from './context.js';
import type { HelpAfter } from './help-i18n.js';
import type { SetCode } from './program.js';
import { cacheOption, dbOption, langOption, notesOption, outOption } from './program-options.js';

/** The options `import csv` and `import anki` share: where the note goes and what it is called. */
function addDeckImportOptions(c: Command): Command {
  return c
    .option('--topic <id>', 'topic id of the new note (default: from the file name)')
    .option('--title <title>', 'the topic title (default: the deck or file name)')
    .option('--dir <dir>', 'folder to write it in (default: --notes / SAA_NOTES, else the current folder)')
    .addOption(notesOption())
    .addOption(langOption())
    .option('--force', 'replace the note this file was imported to before');
}

export function addNotesCommands(p: Command, ctx: Context, setCode: SetCode, after: HelpAfter): void {
  p.command('doctor')
    .description('check the history database and show paths, versions and counts; --restore puts the last backup back')
    .option('--restore', 'replace the database with its newest backup (the current file is moved aside, not deleted)')
    .addOption(langOption())
    .addOption(notesOption())
    .addOption(dbOption())
    .addHelpText('after', after('\nExamples:\n  saa doctor\n  saa doctor --restore'))
    .action(async (opts) => setCode(await (await import('./commands/doctor.js')).run(opts, ctx)));

  const notes = p.command('notes').description('work with topic notes');
  notes
    .command('check')
    .description('validate the shipped notes and your own; print each problem as file:line: message')
    .addOption(langOption())
    .addOption(notesOption())
    .option('--strict', 'treat warnings as errors')
    .option('--bilingual', "hold your notes to the shipped notes' rule: every fact in English and Korean")
    .addHelpText('after', after('\nExamples:\n  saa notes check\n  saa notes check --notes ~/my-notes --strict'))
    .action(async (opts) => setCode(await (await import('./commands/notes-check.js')).run(opts, ctx)));
  notes
    .command('new <id>')
    .description('write a template note with one example of every fact kind')
    .option('--dir <dir>', 'folder to write it in (default: --notes / SAA_NOTES, else the current folder)')
    .option('--title <title>', 'the topic title')
    .addOption(notesOption())
    .addHelpText('after', after('\nExamples:\n  saa notes new kinesis --dir ~/saa-notes\n  SAA_NOTES=~/saa-notes saa notes new my-topic --title "My topic"'))
    .action(async (id, opts) => setCode(await (await import('./commands/notes-new.js')).run(id, opts, ctx)));
  notes
    .command('show <id>')
    .description("show a topic's facts as a study sheet")
    .addOption(langOption())
    .addOption(notesOption())
    .addOption(cacheOption())
    .addHelpText('after', after('\nExamples:\n  saa notes show s3\n  saa notes show vpc --lang ko | less -R'))
    .action(async (id, opts) => setCode(await (await import('./commands/notes-show.js')).run(id, opts, ctx)));

  const exp = p.command('export').description('export facts (Anki, JSON) and your history');
  exp
    .command('anki')
    .description('Anki text import (tab separated, one card per fact, tags from topic, domain and group)')
    .option('-t, --topic <ids>', 'only these topics')
    .addOption(langOption())
    .addOption(notesOption())
    .addOption(cacheOption())
    .addHelpText(
      'after',
      after(
        '\nIn Anki: File → Import, choose the file; the header lines set the separator and the tags column.\n\nExamples:\n  saa export anki > saa.txt\n  saa export anki --topic s3,vpc --lang ko > saa-ko.txt',
      ),
    )
    .action(async (opts) => setCode(await (await import('./commands/export.js')).anki(opts, ctx)));
  exp
    .command('apkg')
    .description('an Anki package (.apkg) that Anki imports directly: saa note types, one deck per topic; --with-history adds your review schedule')
    .addOption(outOption())
    .option('-t, --topic <ids>', 'only these topics')
    .option('--with-history', "carry each fact's review schedule and past reviews into its card (otherwise every card is new)")
    .addOption(langOption())
    .addOption(notesOption())
    .addOption(cacheOption())
    .addOption(dbOption())
    .addHelpText(
      'after',
      after(
        '\nIn Anki: File → Import, choose the .apkg file. A newer export updates the notes in place; cards already in Anki keep their own schedule.\n\nExamples:\n  saa export apkg --out saa.apkg\n  saa export apkg --topic s3,vpc --lang ko --out saa-ko.apkg\n  saa export apkg --with-history --out saa.apkg',
      ),
    )
    .action(async (opts) => setCode(await (await import('./commands/export-apkg.js')).run(opts, ctx)));
  exp
    .command('json')
    .description('topics and facts as JSON; with --history also your answer log')
    .option('-t, --topic <ids>', 'only these topics')
    .option('--history', 'include sessions and answers (for saa import history on another computer)')
    .addOption(langOption())
    .addOption(notesOption())
    .addOption(cacheOption())
    .addOption(dbOption())
    .addHelpText('after', after('\nExamples:\n  saa export json > facts.json\n  saa export json --history > saa-backup.json'))
    .action(async (opts) => setCode(await (await import('./commands/export.js')).json(opts, ctx)));
  exp
    .command('history')
    .description('your sessions and answers as JSON, for saa import history')
    .addOption(dbOption())
    .addHelpText('after', after('\nExamples:\n  saa export history > history.json'))
    .action(async (opts) => setCode(await (await import('./commands/export.js')).history(opts, ctx)));

  const imp = p.command('import').description('import a history exported by saa, or your own deck as a topic note');
  imp
    .command('history <file>')
    .description('merge a history exported on another computer (answers already present are skipped; "-" reads stdin)')
    .addOption(dbOption())
    .addHelpText('after', after('\nExamples:\n  saa import history history.json\n  ssh laptop saa export history | saa import history -'))
    .action(async (file, opts) => setCode(await (await import('./commands/import.js')).history(file, opts, ctx)));
  addDeckImportOptions(
    imp.command('csv <file>').description('turn a CSV/TSV question bank (front, back, tags) or an Anki text export into a topic note of your own'),
  )
    .addHelpText(
      'after',
      after(
        '\nThe separator, a header row (front,back,tags) and Anki\'s #separator/#html/#… column lines are detected; cloze notes ({{c1::…}}) become cloze facts.\nRe-importing the same file with --force keeps every fact id, so your answers stay with their cards.\n\nExamples:\n  saa import csv aws-terms.csv --dir ~/saa-notes\n  saa import csv "Plain Text.txt" --topic my-anki --force',
      ),
    )
    .action(async (file, opts) => setCode(await (await import('./commands/import-deck.js')).csv(file, opts, ctx)));
  addDeckImportOptions(imp.command('anki <file>').description('turn an Anki package (.apkg, .colpkg) into a topic note of your own'))
    .option('--deck <name>', 'only this deck and the decks under it')
    .addHelpText(
      'after',
      after(
        '\nBasic notes give front and back (HTML and media are dropped), cloze notes give cloze facts; each fact id comes from the Anki note, so a re-import keeps your history.\nA package from a newer Anki needs File → Export, "Anki Deck Package" with "Support older Anki versions" ticked.\n\nExamples:\n  saa import anki AWS.apkg --dir ~/saa-notes\n  saa import anki collection.colpkg --deck "AWS::S3" --topic my-s3',
      ),
    )
    .action(async (file, opts) => setCode(await (await import('./commands/import-deck.js')).anki(file, opts, ctx)));

  p.command('completion <shell>')
    .description('print a shell completion script (bash, zsh or fish) with commands, options and topic ids')
    .addOption(notesOption())
    .addHelpText(
      'after',
      after(
        '\nExamples:\n  source <(saa completion bash)          # in ~/.bashrc\n  source <(saa completion zsh)           # in ~/.zshrc\n  saa completion fish | source           # in config.fish',
      ),
    )
    .action(async (shell, opts) => setCode(await (await import('./commands/completion.js')).run(shell, opts, ctx, p)));
}
