/** Every top-level command, in help order. Each file exports a factory taking the shared context. */
import type { Command } from 'commander';
import type { Ctx } from './context.js';
import { dbCommand } from './db.js';

export const COMMANDS: ReadonlyArray<(ctx: Ctx) => Command> = [dbCommand];
