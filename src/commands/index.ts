/**
 * Every top-level command, in help order, loaded lazily: a run loads only the command it names
 * (startup is sacred), and all of them only for help and completion.
 */
import type { Command } from 'commander';
import type { Ctx } from './context.js';

export type CommandFactory = (ctx: Ctx, rest: readonly string[]) => Command | Promise<Command>;

export interface CommandEntry {
  name: string;
  aliases?: readonly string[];
  load(): Promise<CommandFactory>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'ticket', aliases: ['t'], load: async () => (await import('./ticket.js')).ticketCommand },
  { name: 'kb', load: async () => (await import('./kb.js')).kbCommand },
  { name: 'template', load: async () => (await import('./template.js')).templateCommand },
  { name: 'macro', load: async () => (await import('./macro.js')).macroCommand },
  { name: 'requester', load: async () => (await import('./requester.js')).requesterCommand },
  { name: 'group', load: async () => (await import('./group.js')).groupCommand },
  { name: 'asset', load: async () => (await import('./asset.js')).assetCommand },
  { name: 'technician', load: async () => (await import('./technician.js')).technicianCommand },
  { name: 'triage', load: async () => (await import('./triage.js')).triageCommand },
  { name: 'report', load: async () => (await import('./report.js')).reportCommand },
  { name: 'sla', load: async () => (await import('./sla.js')).slaCommand },
  { name: 'import', load: async () => (await import('./import.js')).importCommand },
  { name: 'export', load: async () => (await import('./export.js')).exportCommand },
  { name: 'outbox', load: async () => (await import('./outbox.js')).outboxCommand },
  { name: 'mail', load: async () => (await import('./mail.js')).mailCommand },
  { name: 'config', load: async () => (await import('./config.js')).configCommand },
  { name: 'maintain', load: async () => (await import('./maintain.js')).maintainCommand },
  { name: 'db', load: async () => (await import('./db.js')).dbCommand },
  { name: 'sync', load: async () => (await import('./sync.js')).syncCommand },
  { name: 'demo', load: async () => (await import('./demo.js')).demoCommand },
  { name: 'tour', load: async () => (await import('./tour.js')).tourCommand },
  { name: 'completion', load: async () => (await import('./completion.js')).completionCommand },
];

/** The entry a word names (by name or alias), if any. */
export function findEntry<E extends { name: string; aliases?: readonly string[] }>(
  entries: readonly E[],
  word: string | undefined,
): E | undefined {
  return word === undefined ? undefined : entries.find((e) => e.name === word || e.aliases?.includes(word));
}

/** The first word that is not an option (nor the value of a global option such as `--db PATH`). */
export function firstWord(args: readonly string[], optionsWithValue: readonly string[] = ['--db']): { word?: string; rest: string[] } {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (optionsWithValue.includes(a)) i++;
    else if (!a.startsWith('-')) return { word: a, rest: args.slice(i + 1) };
  }
  return { rest: [] };
}
