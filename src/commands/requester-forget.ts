/** `deskline requester forget EMAIL --reason …`: a requester's personal data removed from the desk for good. */
import { Command } from 'commander';
import { ensureTechnician } from '../store/technicians.js';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';

export function requesterForgetCommand(ctx: Ctx): Command {
  return new Command('forget')
    .description('forget a requester: name, contact and their emails replaced by a marker, for good (search index and WAL included)')
    .argument('<email>', "the requester's email")
    .requiredOption('--reason <text>', 'why: recorded with who and when')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  deskline requester forget ana@example.com --reason "erasure request 2026-12-01"')
    .action(async (email: string, flags: { reason: string; json?: boolean }) => {
      const { forgetRequester } = await import('../store/redaction.js');
      const desk = await ctx.desk();
      const actor = await ensureTechnician(desk.db, ctx.me());
      const result = await forgetRequester(desk, email, flags.reason, actor);
      if (flags.json) return ctx.json({ forgotten: true, ...result });
      ctx.out(cleanLine(`forgotten: ${result.texts} text(s) on ${result.tickets.length} ticket(s) redacted`));
      if (result.leftover) ctx.note(result.leftover);
    });
}
