/** `deskline ticket …`: one file per subcommand, loaded only when named (all of them for help). */
import { Command } from 'commander';
import type { Ctx } from './context.js';
import { findEntry, firstWord } from './index.js';

type Make = (ctx: Ctx) => Command;

const SUBCOMMANDS: readonly { name: string; aliases?: string[]; load(): Promise<Make> }[] = [
  { name: 'create', load: async () => (await import('./ticket-create.js')).ticketCreateCommand },
  { name: 'list', aliases: ['ls'], load: async () => (await import('./ticket-list.js')).ticketListCommand },
  { name: 'show', load: async () => (await import('./ticket-show.js')).ticketShowCommand },
  { name: 'update', load: async () => (await import('./ticket-update.js')).ticketUpdateCommand },
  { name: 'assign', load: async () => (await import('./ticket-actions.js')).ticketAssignCommand },
  { name: 'comment', load: async () => (await import('./ticket-actions.js')).ticketCommentCommand },
  { name: 'escalate', load: async () => (await import('./ticket-actions.js')).ticketEscalateCommand },
  { name: 'resolve', load: async () => (await import('./ticket-actions.js')).ticketResolveCommand },
  { name: 'reopen', load: async () => (await import('./ticket-actions.js')).ticketReopenCommand },
  { name: 'attach', load: async () => (await import('./ticket-attach.js')).ticketAttachCommand },
  { name: 'attachment', load: async () => (await import('./ticket-attach.js')).ticketAttachmentCommand },
  { name: 'check', load: async () => (await import('./ticket-checklist.js')).ticketCheckCommand },
  { name: 'uncheck', load: async () => (await import('./ticket-checklist.js')).ticketUncheckCommand },
  { name: 'verify', load: async () => (await import('./ticket-checklist.js')).ticketVerifyCommand },
  { name: 'asset', load: async () => (await import('./ticket-asset.js')).ticketAssetCommand },
  { name: 'history', load: async () => (await import('./ticket-show.js')).ticketHistoryCommand },
  { name: 'link', load: async () => (await import('./ticket-relations.js')).ticketLinkCommand },
  { name: 'unlink', load: async () => (await import('./ticket-relations.js')).ticketUnlinkCommand },
  { name: 'merge', load: async () => (await import('./ticket-relations.js')).ticketMergeCommand },
  { name: 'parent', load: async () => (await import('./ticket-relations.js')).ticketParentCommand },
  { name: 'redact', load: async () => (await import('./ticket-redact.js')).ticketRedactCommand },
  { name: 'followup', load: async () => (await import('./ticket-followup.js')).ticketFollowupCommand },
];

export async function ticketCommand(ctx: Ctx, rest: readonly string[]): Promise<Command> {
  const cmd = new Command('ticket').alias('t').description('create, list, show and change tickets');
  const named = findEntry(SUBCOMMANDS, firstWord(rest).word);
  for (const entry of named ? [named] : SUBCOMMANDS) cmd.addCommand((await entry.load())(ctx));
  return cmd;
}
