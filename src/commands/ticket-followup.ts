/** `deskline ticket followup HD-7 thu 10:00`: when to look at a ticket again (`none` clears it). */
import { Command } from 'commander';
import { parseFollowup } from '../domain/followup-time.js';
import { EXIT, fail } from '../errors.js';
import { setFollowup } from '../store/followups.js';
import { ensureTechnician } from '../store/technicians.js';
import type { Ctx } from './context.js';
import { formatTime } from './format.js';
import { refArg } from './resolve-ref.js';

export function ticketFollowupCommand(ctx: Ctx): Command {
  return new Command('followup')
    .description('set a follow-up time on a ticket (local time); none clears it')
    .argument('<ref>', 'ticket ref')
    .argument('<when...>', 'thu 10:00 | tomorrow | 2026-12-03 14:30 | +2d | 3h | none')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      "\nExamples:\n  deskline ticket followup HD-7 thu 10:00\n  deskline ticket followup HD-7 none\n  deskline ticket list 'followup:<1d'",
    )
    .action(async (ref: string, when: string[], flags: { json?: boolean }) => {
      const id = refArg(ref);
      const text = when.join(' ');
      let at: number | null = null;
      if (text.trim().toLowerCase() !== 'none') {
        const parsed = parseFollowup(text, new Date());
        if (!parsed.ok) return fail(EXIT.invalid, `when: ${parsed.error}`);
        at = parsed.at;
      }
      const { db } = await ctx.desk();
      const actor = await ensureTechnician(db, ctx.me());
      const { ticket, changed } = await setFollowup(db, id, at, actor);
      if (flags.json) return ctx.json({ ref: ticket.ref, followup: at === null ? null : new Date(at).toISOString(), changed });
      ctx.out(at === null ? `${ticket.ref} has no follow-up` : `${ticket.ref} follow-up ${formatTime(at)}`);
    });
}
