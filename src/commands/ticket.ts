/** `deskline ticket …`: one file per subcommand, assembled here. */
import { Command } from 'commander';
import type { Ctx } from './context.js';
import { ticketAssignCommand, ticketCommentCommand, ticketEscalateCommand, ticketReopenCommand, ticketResolveCommand } from './ticket-actions.js';
import { ticketCreateCommand } from './ticket-create.js';
import { ticketListCommand } from './ticket-list.js';
import { ticketHistoryCommand, ticketShowCommand } from './ticket-show.js';
import { ticketUpdateCommand } from './ticket-update.js';

const SUBCOMMANDS = [
  ticketCreateCommand, ticketListCommand, ticketShowCommand, ticketUpdateCommand, ticketAssignCommand,
  ticketCommentCommand, ticketEscalateCommand, ticketResolveCommand, ticketReopenCommand, ticketHistoryCommand,
];

export function ticketCommand(ctx: Ctx): Command {
  const cmd = new Command('ticket').alias('t').description('create, list, show and change tickets');
  for (const make of SUBCOMMANDS) cmd.addCommand(make(ctx));
  return cmd;
}
