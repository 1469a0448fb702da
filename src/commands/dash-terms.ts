/**
 * Query terms that begin with '-' (`-tag:spam`, `-printer`, `-"cannot connect"`), taken unquoted.
 *
 * commander reads any word that starts with '-' as an option, so `ticket list tag:vpn -tag:spam` failed
 * with "unknown option". A command that takes a query hands such words through as operands, in their
 * place: only its own options exactly as written (`-n`, `--json`, `--limit=5`), a short value option
 * with a number joined on (`-n5`), and everything after `--` keep their usual meaning.
 */
import { Option, type Command } from 'commander';

/** The options a word could name on this command: its own, and help. */
const knownOptions = (cmd: Command): readonly Option[] => [...cmd.options, new Option('-h, --help')];

const flagsOf = (option: Option): string[] => [option.short, option.long].filter((f): f is string => Boolean(f));

/** Whether a word is a query term rather than an option of `cmd`. */
export function isDashTerm(word: string, options: readonly Option[]): boolean {
  if (!/^-[^-]/.test(word)) return false;
  if (options.some((o) => flagsOf(o).includes(word))) return false;
  const short = options.find((o) => o.short === word.slice(0, 2));
  const joinedNumber = short !== undefined && (short.required || short.optional) && /^\d/.test(word.slice(2));
  return !joinedNumber;
}

/**
 * Makes `cmd` parse dash-words as operands. Each is swapped for a stand-in that does not begin with '-'
 * while commander sorts options from operands, then swapped back, so the order of terms is kept.
 * `passDown` (the program): the first dash-word and all after it go on to the subcommand, which parses
 * them itself (commander parses only what a parent left unknown), so `deskline ticket list -VPN`
 * reaches the list instead of printing the version (-V).
 */
export function acceptDashTerms<C extends Command>(cmd: C, { passDown = false } = {}): C {
  const parse = cmd.parseOptions.bind(cmd);
  cmd.parseOptions = (args: string[]) => {
    const options = knownOptions(cmd);
    const held = new Map<string, string>();
    const masked: string[] = [];
    let takesValue = false;
    for (const [i, word] of args.entries()) {
      if (word === '--') {
        masked.push(...args.slice(i));
        break;
      }
      if (!takesValue && isDashTerm(word, options)) {
        const standIn = `\u0000term${held.size}`;
        held.set(standIn, word);
        masked.push(standIn);
        continue;
      }
      const option: Option | undefined = takesValue ? undefined : options.find((o) => flagsOf(o).includes(word));
      takesValue = option !== undefined && option.required;
      masked.push(word);
    }
    const back = (word: string) => held.get(word) ?? word;
    const { operands, unknown } = parse(masked);
    const cut = passDown ? operands.findIndex((w) => held.has(w)) : -1;
    if (cut < 0) return { operands: operands.map(back), unknown: unknown.map(back) };
    return { operands: operands.slice(0, cut), unknown: [...operands.slice(cut), ...unknown].map(back) };
  };
  return cmd;
}
