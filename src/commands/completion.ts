/** `deskline completion bash|zsh|fish`: shell completion generated from the command tree itself. */
import { Command } from 'commander';
import { EXIT, fail } from '../errors.js';
import type { Ctx } from './context.js';

interface Node {
  path: string[];
  words: string[];
}

function walk(cmd: Command, path: string[] = []): Node[] {
  const words = [...cmd.commands.map((c) => c.name()), ...cmd.options.map((o) => o.long ?? o.short ?? '')].filter(Boolean);
  return [{ path, words }, ...cmd.commands.flatMap((c) => walk(c, [...path, c.name()]))];
}

const SHELLS: Record<string, (nodes: Node[]) => string> = {
  bash: (nodes) => `# deskline bash completion: eval "$(deskline completion bash)"
_deskline() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" i
  for ((i = 1; i < COMP_CWORD; i++)); do [[ \${COMP_WORDS[i]} != -* ]] && path="$path \${COMP_WORDS[i]}"; done
  case "\${path# }" in
${nodes.map((n) => `    "${n.path.join(' ')}") COMPREPLY=($(compgen -W "${n.words.join(' ')}" -- "$cur")) ;;`).join('\n')}
  esac
}
complete -F _deskline deskline desk
`,
  zsh: (nodes) => `#compdef deskline desk
# deskline zsh completion: eval "$(deskline completion zsh)"
_deskline() {
  local path="\${(j: :)\${(@)words[2,CURRENT-1]:#-*}}"
  case "$path" in
${nodes.map((n) => `    "${n.path.join(' ')}") compadd -- ${n.words.join(' ')} ;;`).join('\n')}
  esac
}
compdef _deskline deskline desk
`,
  fish: (nodes) =>
    `# deskline fish completion: deskline completion fish | source\n` +
    nodes
      .flatMap((n) =>
        n.words.map((w) => {
          const cond = n.path.length === 0 ? '__fish_use_subcommand' : `__fish_seen_subcommand_from ${n.path[n.path.length - 1]}`;
          return w.startsWith('--') ? `complete -c deskline -n '${cond}' -l ${w.slice(2)}` : `complete -c deskline -f -n '${cond}' -a ${w}`;
        }),
      )
      .join('\n') +
    '\n',
};

export function completionCommand(ctx: Ctx): Command {
  return new Command('completion')
    .description('print a shell completion script')
    .argument('<shell>', 'bash | zsh | fish')
    .addHelpText('after', '\nExamples:\n  eval "$(deskline completion bash)"\n  deskline completion fish | source')
    .action((shell: string, _flags: unknown, self: Command) => {
      const make = SHELLS[shell] ?? fail(EXIT.invalid, `unknown shell '${shell}' (bash, zsh or fish)`);
      ctx.out(make(walk(self.parent!)));
    });
}
