/**
 * What shell completion knows, read from commander's own command tree: per command its subcommands
 * (and aliases), its options, which of them take a value, and the values that belong there (an
 * option's declared choices, else the domain tables below). The shell scripts (./completion.ts) are
 * generated from this data; nothing is listed by hand twice.
 */
import type { Command, Option } from 'commander';
import { CHANNELS, DEFAULT_CATEGORIES, PRIORITIES, STATUSES, TIERS } from '../domain/ticket.js';

/** Words to offer, files, or the desk's technicians (asked of `deskline technician list -q` as you type). */
export type Domain = readonly string[] | 'files' | 'technicians';

/** Values by option (commander's attribute name), wherever the option appears. */
const BY_OPTION: Record<string, Domain> = {
  priority: PRIORITIES,
  status: STATUSES,
  tier: TIERS,
  channel: CHANNELS,
  category: DEFAULT_CATEGORIES,
  assignee: 'technicians',
  db: 'files',
  fromJson: 'files',
};

/** Values where one command gives an option a meaning of its own (`assign --to` a person, `escalate --to` a tier). */
const BY_COMMAND_OPTION: Record<string, Domain> = {
  'assign to': 'technicians',
  'escalate to': ['L2', 'L3'],
};

export interface OptionSpec {
  /** `-p`, `--priority` */
  flags: string[];
  long?: string;
  short?: string;
  /** Takes a value: the next word is that value, not a command or a query term. */
  valued: boolean;
  values?: Domain;
  description: string;
}

export interface CompletionNode {
  /** Command names from the top (`['ticket', 'create']`); [] for the program. */
  path: string[];
  /** Subcommand names and their aliases, each with the name it stands for. */
  subcommands: { word: string; name: string; description: string }[];
  options: OptionSpec[];
}

function optionSpec(command: Command, option: Option): OptionSpec {
  const name = option.attributeName();
  const values = option.argChoices ?? BY_COMMAND_OPTION[`${command.name()} ${name}`] ?? BY_OPTION[name];
  const valued = option.required || option.optional;
  return {
    flags: [option.short, option.long].filter((f): f is string => Boolean(f)),
    long: option.long,
    short: option.short,
    valued,
    ...(valued && values ? { values } : {}),
    description: option.description,
  };
}

const HELP: OptionSpec = { flags: ['-h', '--help'], long: '--help', short: '-h', valued: false, description: 'display help' };

/** Every command of the tree, depth first, the program first. */
export function completionTree(cmd: Command, path: string[] = []): CompletionNode[] {
  const node: CompletionNode = {
    path,
    subcommands: cmd.commands.flatMap((c) =>
      [c.name(), ...c.aliases()].map((word) => ({ word, name: c.name(), description: c.description() })),
    ),
    options: [...cmd.options.map((o) => optionSpec(cmd, o)), HELP],
  };
  return [node, ...cmd.commands.flatMap((c) => completionTree(c, [...path, c.name()]))];
}

/** Options of the program that take a value anywhere on the line (commander reads them at any position). */
export function globalValued(tree: readonly CompletionNode[]): OptionSpec[] {
  return tree[0]!.options.filter((o) => o.valued);
}
