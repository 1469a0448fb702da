/**
 * `deskline completion bash|zsh|fish`: scripts generated from commander's command tree (./completion-tree.ts).
 * Each script walks the words typed so far as commander reads them: an option that takes a value
 * swallows the next word (`deskline --db x.db ticket <TAB>` completes ticket's subcommands), and where
 * a value belongs it offers the values (`-p <TAB>` → priorities, `--assignee <TAB>` → technicians).
 */
import { Command } from 'commander';
import { EXIT, fail } from '../errors.js';
import type { Ctx } from './context.js';
import { completionTree, globalValued, type CompletionNode, type Domain, type OptionSpec } from './completion-tree.js';

/** The words a domain offers, as shell text: `@files` for file names, technicians asked of the desk. */
function domainWords(domain: Domain, shell: 'sh' | 'fish'): string {
  if (domain === 'files') return '@files';
  if (domain === 'technicians')
    return shell === 'sh'
      ? 'me none $(command deskline technician list -q 2>/dev/null)'
      : 'me none (deskline technician list -q 2>/dev/null)';
  return domain.join(' ');
}

const pathKey = (n: CompletionNode) => n.path.join(' ');
const valuedFlags = (n: CompletionNode, globals: OptionSpec[]) => [
  ...new Set([...n.options, ...globals].filter((o) => o.valued).flatMap((o) => o.flags)),
];

/** Helpers bash and zsh share: what a command offers, what an alias stands for, the values of an option. */
function shHelpers(tree: CompletionNode[]): string {
  const globals = globalValued(tree);
  const nodes = tree.map(
    (n) =>
      `    "${pathKey(n)}") subs="${n.subcommands.map((s) => s.word).join(' ')}"; opts="${n.options.flatMap((o) => o.flags).join(' ')}"; valued="${valuedFlags(n, globals).join(' ')}" ;;`,
  );
  const names = tree.flatMap((n) =>
    n.subcommands.filter((s) => s.word !== s.name).map((s) => `    "${pathKey(n)}|${s.word}") echo ${s.name} ;;`),
  );
  const values = tree.flatMap((n) =>
    n.options
      .filter((o) => o.values && !globals.includes(o))
      .map((o) => `    ${o.flags.map((f) => `"${pathKey(n)}|${f}"`).join('|')}) echo "${domainWords(o.values!, 'sh')}" ;;`),
  );
  const globalValues = globals.map(
    (o) => `    ${o.flags.map((f) => `*"|${f}"`).join('|')}) echo "${domainWords(o.values ?? [], 'sh')}" ;;`,
  );
  return `_deskline_node() {
  case "$1" in
${nodes.join('\n')}
    *) subs=""; opts="--help"; valued="${globals.flatMap((o) => o.flags).join(' ')}" ;;
  esac
}
_deskline_name() {
  case "$1|$2" in
${names.join('\n')}
    *) echo "$2" ;;
  esac
}
_deskline_values() {
  case "$1|$2" in
${[...values, ...globalValues].join('\n')}
  esac
}
_deskline_walk() {
  local w skip=0 i
  cmdpath=""
  for ((i = $1; i < $2; i++)); do
    w="\${words_[i]}"
    if ((skip)); then skip=0; continue; fi
    _deskline_node "$cmdpath"
    if [[ $w == -* ]]; then
      [[ " $valued " == *" $w "* ]] && skip=1
      continue
    fi
    [[ " $subs " == *" $w "* ]] && cmdpath="\${cmdpath:+$cmdpath }$(_deskline_name "$cmdpath" "$w")"
  done
  _deskline_node "$cmdpath"
  in_value=$skip
}`;
}

const SHELLS: Record<string, (tree: CompletionNode[]) => string> = {
  bash: (tree) => `# deskline bash completion: eval "$(deskline completion bash)"
${shHelpers(tree)}
_deskline() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cmdpath subs opts valued in_value list
  local -a words_=("\${COMP_WORDS[@]}")
  _deskline_walk 1 "$COMP_CWORD"
  if ((in_value)); then
    list="$(_deskline_values "$cmdpath" "\${COMP_WORDS[COMP_CWORD-1]}")"
    if [[ $list == @files ]]; then COMPREPLY=($(compgen -f -- "$cur")); else COMPREPLY=($(compgen -W "$list" -- "$cur")); fi
  elif [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif [[ -n $subs ]]; then COMPREPLY=($(compgen -W "$subs" -- "$cur"))
  else COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -F _deskline deskline desk
`,
  // zsh: \`path\` is tied to PATH there, so the walk keeps its result in \`cmdpath\`.
  zsh: (tree) => `#compdef deskline desk
# deskline zsh completion: eval "$(deskline completion zsh)"
${shHelpers(tree)}
_deskline() {
  local cur="\${words[CURRENT]}" cmdpath subs opts valued in_value list
  local -a words_=("\${words[@]}")
  _deskline_walk 2 "$CURRENT"
  if ((in_value)); then
    list="$(_deskline_values "$cmdpath" "\${words[CURRENT-1]}")"
    if [[ $list == @files ]]; then _files; else compadd -- \${=list}; fi
  elif [[ $cur == -* ]]; then compadd -- \${=opts}
  elif [[ -n $subs ]]; then compadd -- \${=subs}
  else _files
  fi
}
compdef _deskline deskline desk
`,
  fish: fishScript,
};

const fishQuote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fishScript(tree: CompletionNode[]): string {
  const globals = globalValued(tree);
  const at = (n: CompletionNode) => `-n ${fishQuote(`__deskline_at ${fishQuote(pathKey(n))}`)}`;
  const valued = tree.map((n) => `        case ${fishQuote(pathKey(n))}\n            printf '%s\\n' ${valuedFlags(n, globals).join(' ')}`);
  const names = tree.flatMap((n) =>
    n.subcommands.map((s) => `        case ${fishQuote(`${pathKey(n)}|${s.word}`)}\n            echo ${s.name}`),
  );
  const option = (n: CompletionNode | null, o: OptionSpec) => {
    const flags = [o.short ? `-s ${o.short.slice(1)}` : '', o.long ? `-l ${o.long.slice(2)}` : ''].filter(Boolean).join(' ');
    const value = !o.valued ? '' : o.values === 'files' || !o.values ? ' -r -F' : ` -x -a ${fishQuote(domainWords(o.values, 'fish'))}`;
    return `complete -c deskline ${n ? `${at(n)} ` : ''}${flags}${value} -d ${fishQuote(o.description)}`;
  };
  const lines = tree.flatMap((n) => [
    ...n.subcommands.map((s) => `complete -c deskline -f ${at(n)} -a ${s.word} -d ${fishQuote(s.description)}`),
    ...n.options.filter((o) => !globals.includes(o)).map((o) => option(n, o)),
  ]);
  return `# deskline fish completion: deskline completion fish | source
function __deskline_valued
    switch $argv[1]
${valued.join('\n')}
    end
end
function __deskline_name
    switch "$argv[1]|$argv[2]"
${names.join('\n')}
    end
end
function __deskline_path
    set -l cmdpath
    set -l skip 0
    for w in (commandline -opc)[2..-1]
        if test $skip = 1
            set skip 0
            continue
        end
        if string match -q -- '-*' $w
            contains -- $w (__deskline_valued "$cmdpath"); and set skip 1
            continue
        end
        set -l name (__deskline_name "$cmdpath" $w)
        test -n "$name"; and set cmdpath $cmdpath $name
    end
    echo "$cmdpath"
end
function __deskline_at
    test (__deskline_path) = "$argv[1]"
end
${globals.map((o) => option(null, o)).join('\n')}
${lines.join('\n')}
complete -c desk -w deskline
`;
}

export function completionCommand(ctx: Ctx): Command {
  return new Command('completion')
    .description('print a shell completion script')
    .argument('<shell>', 'bash | zsh | fish')
    .addHelpText(
      'after',
      '\nExamples:\n  eval "$(deskline completion bash)"\n  eval "$(deskline completion zsh)"\n  deskline completion fish | source',
    )
    .action((shell: string, _flags: unknown, self: Command) => {
      const make = SHELLS[shell] ?? fail(EXIT.invalid, `unknown shell '${shell}' (bash, zsh or fish)`);
      ctx.out(make(completionTree(self.parent!)));
    });
}
