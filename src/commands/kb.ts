/**
 * `deskline kb …`: the knowledge base. One file per group of subcommands, assembled here.
 * Nothing here imports fuse.js or marked: the actions load what they use.
 */
import { Command } from 'commander';
import type { Ctx } from './context.js';
import { kbExportCommand, kbImportCommand } from './kb-files.js';
import { kbListCommand } from './kb-list.js';
import { kbHistoryCommand, kbSearchCommand, kbShowCommand } from './kb-read.js';
import { kbDraftCommand, kbLinkCommand, kbSuggestCommand } from './kb-tickets.js';
import { kbAddCommand, kbEditCommand } from './kb-write.js';

const SUBCOMMANDS = [
  kbSearchCommand,
  kbListCommand,
  kbShowCommand,
  kbAddCommand,
  kbEditCommand,
  kbHistoryCommand,
  kbImportCommand,
  kbExportCommand,
  kbLinkCommand,
  kbSuggestCommand,
  kbDraftCommand,
];

export function kbCommand(ctx: Ctx): Command {
  const cmd = new Command('kb').description('knowledge base: search, list, read, write and link articles to tickets');
  for (const make of SUBCOMMANDS) cmd.addCommand(make(ctx));
  return cmd;
}
