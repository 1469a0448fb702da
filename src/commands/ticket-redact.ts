/** `deskline ticket redact HD-7 --interaction 3 --reason "personal data"`: one timeline entry's text removed for good. */
import { Command } from 'commander';
import { EXIT, fail } from '../errors.js';
import { ensureTechnician } from '../store/technicians.js';
import type { Ctx } from './context.js';
import { refArg } from './resolve-ref.js';

export function ticketRedactCommand(ctx: Ctx): Command {
  return new Command('redact')
    .description('replace a timeline entry with a marker, for good (search index and WAL included)')
    .argument('<ref>', 'ticket ref')
    .requiredOption('--interaction <n>', 'the entry, numbered as ticket show numbers them (#1 first)')
    .requiredOption('--reason <text>', 'why: recorded with who and when')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  deskline ticket redact HD-7 --interaction 3 --reason "personal data"')
    .action(async (ref: string, flags: { interaction: string; reason: string; json?: boolean }) => {
      const id = refArg(ref);
      const n = Number(flags.interaction.replace(/^#/, ''));
      if (!Number.isInteger(n) || n < 1) fail(EXIT.invalid, `--interaction: '${flags.interaction}' is not an entry number (1, 2, …)`);
      const { redactInteraction } = await import('../store/redaction.js');
      const desk = await ctx.desk();
      const actor = await ensureTechnician(desk.db, ctx.me());
      const result = await redactInteraction(desk, id, n, flags.reason, actor);
      if (flags.json) return ctx.json({ ref: `HD-${id}`, interaction: n, ...result });
      ctx.out(result.texts ? `HD-${id} entry ${n} redacted` : `HD-${id} entry ${n} was already redacted (recorded again)`);
      if (result.leftover) ctx.note(result.leftover);
    });
}
