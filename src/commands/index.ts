/** Every top-level command, in help order. Each file exports a factory taking the shared context. */
import type { Command } from 'commander';
import type { Ctx } from './context.js';
import { completionCommand } from './completion.js';
import { configCommand } from './config.js';
import { dbCommand } from './db.js';
import { reportCommand } from './report.js';
import { requesterCommand } from './requester.js';
import { slaCommand } from './sla.js';
import { technicianCommand } from './technician.js';
import { ticketCommand } from './ticket.js';

export const COMMANDS: ReadonlyArray<(ctx: Ctx) => Command> = [
  ticketCommand,
  requesterCommand,
  technicianCommand,
  reportCommand,
  slaCommand,
  configCommand,
  dbCommand,
  completionCommand,
];
