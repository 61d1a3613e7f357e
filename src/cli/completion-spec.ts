/**
 * What shell completion needs to know, read off the commander program itself so it never
 * drifts from the real options: every command path, its options, which options take a value
 * and what that value can be, and what its positional argument is.
 */
import type { Command } from 'commander';

/** What a value completes to: topic ids (comma-separated), files, folders, fixed words, or nothing. */
export type Values = { kind: 'topics' } | { kind: 'files' } | { kind: 'dirs' } | { kind: 'words'; words: string[] } | { kind: 'none' };

export interface OptionSpec {
  flags: string[];
  /** Null for a flag that takes no value. */
  values: Values | null;
}

export interface CommandSpec {
  path: string;
  subcommands: string[];
  options: OptionSpec[];
  /** The positional argument's values, or null when the command takes none. */
  argument: Values | null;
}

/** Values of options that name things on disk or topics, by long name; the rest come from `.choices()`. */
const OPTION_VALUES: Record<string, Values> = {
  '--topic': { kind: 'topics' },
  '--db': { kind: 'files' },
  '--out': { kind: 'files' },
  '--notes': { kind: 'dirs' },
  '--dir': { kind: 'dirs' },
};

/** Where one command's option means something else: the id of a new topic is typed, not completed. */
const COMMAND_OPTION_VALUES: Record<string, Values> = {
  'import csv --topic': { kind: 'none' },
  'import anki --topic': { kind: 'none' },
};

/** Positional arguments, by command path. */
const ARGUMENT_VALUES: Record<string, Values> = {
  'import history': { kind: 'files' },
  'import csv': { kind: 'files' },
  'import anki': { kind: 'files' },
  'notes show': { kind: 'topics' },
  completion: { kind: 'words', words: ['bash', 'zsh', 'fish'] },
};

export function completionSpec(root: Command): CommandSpec[] {
  const out: CommandSpec[] = [
    { path: '', subcommands: root.commands.map((c) => c.name()), options: [flag('--help', '-h'), flag('--version', '-V')], argument: null },
  ];
  const walk = (cmd: Command, prefix: string) => {
    for (const sub of cmd.commands) {
      const path = prefix ? `${prefix} ${sub.name()}` : sub.name();
      const options: OptionSpec[] = sub.options.map((o) => ({
        flags: [o.long, o.short].filter((x): x is string => !!x),
        values:
          o.required || o.optional
            ? (COMMAND_OPTION_VALUES[`${path} ${o.long}`] ??
              OPTION_VALUES[o.long ?? ''] ??
              (o.argChoices ? { kind: 'words', words: o.argChoices } : { kind: 'none' }))
            : null,
      }));
      const hasArgument = sub.registeredArguments.length > 0;
      out.push({
        path,
        subcommands: sub.commands.map((c) => c.name()),
        options: [...options, flag('--help', '-h')],
        argument: hasArgument ? (ARGUMENT_VALUES[path] ?? { kind: 'none' }) : null,
      });
      walk(sub, path);
    }
  };
  walk(root, '');
  return out;
}

function flag(...flags: string[]): OptionSpec {
  return { flags, values: null };
}
