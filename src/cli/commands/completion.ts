/**
 * `saa completion bash|zsh|fish`: a static completion script for commands, options, option
 * values (topic ids, files, folders, fixed choices) and positional arguments. Static rather than
 * a library that runs saa on every Tab (tabtab, omelette): a Tab must answer at once, without
 * starting Node, and the only dynamic part, the topic ids, is read when the script is made.
 */
import type { Command } from 'commander';
import { type CommandSpec, completionSpec, type OptionSpec, type Values } from '../completion-spec.js';
import type { Context } from '../context.js';
import { loadStudyDeck } from '../deck-loader.js';
import { UsageError } from '../errors.js';

interface Spec {
  commands: CommandSpec[];
  topics: string[];
}

/** A word for a shell's `case` pattern or list: quoted, with no quote inside to break it. */
const q = (s: string) => `"${s.replace(/["\\$`]/g, '')}"`;
const valueWord = (v: Values) => (v.kind === 'words' ? `words ${v.words.join(' ')}` : v.kind);
const wordsOf = (c: CommandSpec) => [...c.subcommands, ...c.options.flatMap((o) => o.flags)];

function bash(s: Spec): string {
  const valued = s.commands.flatMap((c) => c.options.filter((o) => o.values).map((o) => ({ c, o: o as OptionSpec & { values: Values } })));
  const optionCases = valued.map(({ c, o }) => `    ${o.flags.map((f) => q(`${c.path}|${f}`)).join('|')}) echo ${q(valueWord(o.values))} ;;`);
  const argumentCases = s.commands.filter((c) => c.argument).map((c) => `    ${q(c.path)}) echo ${q(valueWord(c.argument as Values))} ;;`);
  const wordCases = s.commands.map((c) => `    ${q(c.path)}) echo ${q(wordsOf(c).join(' '))} ;;`);
  const paths = s.commands.filter((c) => c.path).map((c) => q(c.path));
  return `# saa completion for bash. Load with: source <(saa completion bash)
__saa_is_command() { case "$1" in ${paths.join('|')}) return 0 ;; esac; return 1; }
# The values an option of a command takes (topics, files, dirs, words …, none); fails for a flag.
__saa_option_values() {
  case "$1|$2" in
${optionCases.join('\n')}
    *) return 1 ;;
  esac
}
__saa_argument_values() {
  case "$1" in
${argumentCases.join('\n')}
    *) return 1 ;;
  esac
}
__saa_words() {
  case "$1" in
${wordCases.join('\n')}
  esac
}
__saa_complete_values() {
  case "$1" in
    topics)
      local done="" last="\${2##*,}"
      [[ "$2" == *,* ]] && done="\${2%,*},"
      COMPREPLY=( $(compgen -P "$done" -W ${q(s.topics.join(' '))} -- "$last") ) ;;
    files) compopt -o filenames 2>/dev/null; COMPREPLY=( $(compgen -f -- "$2") ) ;;
    dirs) compopt -o filenames 2>/dev/null; COMPREPLY=( $(compgen -d -- "$2") ) ;;
    words\\ *) COMPREPLY=( $(compgen -W "\${1#words }" -- "$2") ) ;;
    *) COMPREPLY=() ;;
  esac
}
_saa() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cmd="" opt="" w i values
  # Walk the words before the cursor: a known subcommand extends the command, an option that
  # takes a value swallows the next word (bash splits --opt=value into --opt, =, value).
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    [[ "$w" == "=" ]] && continue
    if [[ -n "$opt" ]]; then opt=""; continue; fi
    case "$w" in
      -*) __saa_option_values "$cmd" "$w" >/dev/null && opt="$w" ;;
      *) __saa_is_command "\${cmd:+$cmd }$w" && cmd="\${cmd:+$cmd }$w" ;;
    esac
  done
  [[ "$cur" == "=" ]] && cur=""
  if [[ -n "$opt" ]]; then __saa_complete_values "$(__saa_option_values "$cmd" "$opt")" "$cur"; return; fi
  if [[ "$cur" != -* ]] && values="$(__saa_argument_values "$cmd")"; then __saa_complete_values "$values" "$cur"; return; fi
  COMPREPLY=( $(compgen -W "$(__saa_words "$cmd")" -- "$cur") )
}
complete -F _saa saa
`;
}

function zsh(s: Spec): string {
  return `#compdef saa
# saa completion for zsh. Load with: source <(saa completion zsh)
# The bash-style completion below needs compinit's compdef: load compinit if the shell has not.
(( $+functions[compdef] )) || { autoload -Uz compinit && compinit -i; }
autoload -U +X bashcompinit && bashcompinit
${bash(s).replace(/^# saa completion for bash.*\n/, '')}`;
}

function fishValues(v: Values, topics: string[]): string {
  switch (v.kind) {
    case 'topics':
      return ` -x -a ${q(topics.join(' '))}`;
    case 'files':
      return ' -r -F';
    case 'dirs':
      return " -x -a '(__fish_complete_directories (commandline -ct))'";
    case 'words':
      return ` -x -a ${q(v.words.join(' '))}`;
    case 'none':
      return ' -x';
  }
}

function fish(s: Spec): string {
  const valued = s.commands.flatMap((c) => c.options.filter((o) => o.values).flatMap((o) => o.flags.map((f) => `'${c.path}|${f}'`)));
  const paths = s.commands.filter((c) => c.path).map((c) => `'${c.path}'`);
  const lines = [
    '# saa completion for fish. Load with: saa completion fish | source',
    '# The command path before the cursor: known subcommands, skipping options and their values.',
    'function __saa_path',
    '    set -l tokens (commandline -opc)',
    '    set -l path ""',
    '    set -l skip 0',
    '    for w in $tokens[2..-1]',
    '        if test $skip = 1; set skip 0; continue; end',
    `        if contains -- "$path|$w" ${valued.join(' ')}; set skip 1; continue; end`,
    "        string match -q -- '-*' $w; and continue",
    '        set -l next (string trim -- "$path $w")',
    `        contains -- $next ${paths.join(' ')}; and set path $next`,
    '    end',
    '    echo $path',
    'end',
    'complete -c saa -f',
  ];
  for (const c of s.commands) {
    const cond = `-n 'test "$(__saa_path)" = "${c.path}"'`;
    if (c.subcommands.length) lines.push(`complete -c saa ${cond} -a ${q(c.subcommands.join(' '))}`);
    if (c.argument && c.argument.kind !== 'none') lines.push(`complete -c saa ${cond}${fishValues(c.argument, s.topics).replace(/ -[xr](?= )/, '')}`);
    for (const o of c.options) {
      const names = o.flags.map((f) => (f.startsWith('--') ? `-l ${f.slice(2)}` : `-s ${f.slice(1)}`)).join(' ');
      lines.push(`complete -c saa ${cond} ${names}${o.values ? fishValues(o.values, s.topics) : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `root` is the program itself, handed in by its own action (so this module need not import it). */
export async function run(shell: string, opts: { notes?: string }, ctx: Context, root: Command): Promise<number> {
  const make = shell === 'bash' ? bash : shell === 'zsh' ? zsh : shell === 'fish' ? fish : null;
  if (!make) throw new UsageError(`unknown shell "${shell.slice(0, 20)}"; use bash, zsh or fish`);
  const deck = await loadStudyDeck(opts.notes, ctx);
  ctx.stdout.write(make({ commands: completionSpec(root), topics: deck.topics.flatMap((t) => [t.id, ...t.aliases]) }));
  return 0;
}
