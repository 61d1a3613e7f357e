/** `saa completion bash|zsh|fish`: shell completion for commands, options and topic ids. */
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { loadStudyDeck } from '../deck-loader.js';
import { UsageError } from '../errors.js';

interface Spec {
  commands: Map<string, string[]>;
  topics: string[];
}

async function spec(root: Command, notes: string | undefined, ctx: Context): Promise<Spec> {
  const commands = new Map<string, string[]>();
  const walk = (cmd: Command, prefix: string) => {
    for (const sub of cmd.commands) {
      const name = prefix ? `${prefix} ${sub.name()}` : sub.name();
      commands.set(name, sub.options.flatMap((o) => [o.long, o.short].filter((x): x is string => !!x)).concat('--help'));
      walk(sub, name);
    }
  };
  walk(root, '');
  const deck = await loadStudyDeck(notes, ctx);
  return { commands, topics: deck.topics.flatMap((t) => [t.id, ...t.aliases]) };
}

const quote = (words: string[]) => words.join(' ');

function bash(s: Spec): string {
  const top = [...s.commands.keys()].filter((k) => !k.includes(' '));
  const cases = [...s.commands.entries()]
    .map(([name, opts]) => {
      const subs = [...s.commands.keys()]
        .filter((k) => k.startsWith(`${name} `) && k.split(' ').length === name.split(' ').length + 1)
        .map((k) => k.split(' ').pop());
      return `    "${name}") words="${quote([...subs.filter((x): x is string => !!x), ...opts])}" ;;`;
    })
    .join('\n');
  return `# saa completion for bash. Load with: source <(saa completion bash)
_saa() {
  local cur prev cmd words i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [[ "$prev" == "--topic" || "$prev" == "-t" ]]; then
    local done="" last="\${cur##*,}"
    [[ "$cur" == *,* ]] && done="\${cur%,*},"
    COMPREPLY=( $(compgen -P "$done" -W "${quote(s.topics)}" -- "$last") )
    return
  fi
  if [[ "$prev" == "--lang" ]]; then COMPREPLY=( $(compgen -W "en ko" -- "$cur") ); return; fi
  if [[ "$prev" == "--type" ]]; then COMPREPLY=( $(compgen -W "mc tf mixed" -- "$cur") ); return; fi
  if [[ "$prev" == "--style" ]]; then COMPREPLY=( $(compgen -W "exam fact mixed" -- "$cur") ); return; fi
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in -*) ;; *) if [[ -z "$cmd" ]]; then cmd="\${COMP_WORDS[i]}"; else cmd="$cmd \${COMP_WORDS[i]}"; fi ;; esac
  done
  case "$cmd" in
    "") words="${quote(top)} --help --version" ;;
${cases}
    *) words="" ;;
  esac
  COMPREPLY=( $(compgen -W "$words" -- "$cur") )
}
complete -F _saa saa
`;
}

function zsh(s: Spec): string {
  return `#compdef saa
# saa completion for zsh. Load with: source <(saa completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bash(s).replace(/^# saa completion for bash.*\n/, '')}`;
}

function fish(s: Spec): string {
  const lines = ['# saa completion for fish. Load with: saa completion fish | source', 'complete -c saa -f'];
  const top = [...s.commands.keys()].filter((k) => !k.includes(' '));
  lines.push(`complete -c saa -n "__fish_use_subcommand" -a "${top.join(' ')}"`);
  for (const [name, opts] of s.commands) {
    const parts = name.split(' ');
    const cond = parts.map((p) => `__fish_seen_subcommand_from ${p}`).join('; and ');
    const subs = [...s.commands.keys()].filter((k) => k.startsWith(`${name} `) && k.split(' ').length === parts.length + 1);
    if (subs.length) lines.push(`complete -c saa -n "${cond}" -a "${subs.map((k) => k.split(' ').pop()).join(' ')}"`);
    for (const o of opts.filter((x) => x.startsWith('--'))) {
      const arg = o === '--topic' ? ` -r -a "${s.topics.join(' ')}"` : o === '--lang' ? ' -r -a "en ko"' : o === '--style' ? ' -r -a "exam fact mixed"' : '';
      lines.push(`complete -c saa -n "${cond}" -l ${o.slice(2)}${arg}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `root` is the program itself, handed in by its own action (so this module need not import it). */
export async function run(shell: string, opts: { notes?: string }, ctx: Context, root: Command): Promise<number> {
  const make = shell === 'bash' ? bash : shell === 'zsh' ? zsh : shell === 'fish' ? fish : null;
  if (!make) throw new UsageError(`unknown shell "${shell.slice(0, 20)}"; use bash, zsh or fish`);
  ctx.stdout.write(make(await spec(root, opts.notes, ctx)));
  return 0;
}
