/** `ticket check|uncheck HD-7 2` ticks a request's checklist item; `ticket verify HD-7 --method callback` records an identity check. */
import { Command } from 'commander';
import { isVerifyMethod, VERIFY_METHOD_HELP, VERIFY_METHODS } from '../domain/identity.js';
import { progress } from '../domain/checklist.js';
import { EXIT, fail } from '../errors.js';
import { checklistOf, recordVerification, setItemDone } from '../store/checklists.js';
import { ensureTechnician } from '../store/technicians.js';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';
import { refArg } from './resolve-ref.js';

function positionArg(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1) fail(EXIT.invalid, `item: '${text}' is not an item number (1, 2, …: ticket show lists them)`);
  return n;
}

function tickCommand(ctx: Ctx, name: 'check' | 'uncheck'): Command {
  const done = name === 'check';
  return new Command(name)
    .description(done ? 'tick a checklist item of a service request' : 'untick a checklist item')
    .argument('<ref>', 'ticket ref')
    .argument('<items...>', 'item numbers (ticket show lists them)')
    .option('--json', 'print JSON')
    .addHelpText('after', `\nExample:\n  deskline ticket ${name} HD-7 2 3`)
    .action(async (ref: string, items: string[], flags: { json?: boolean }) => {
      const id = refArg(ref);
      const positions = items.map(positionArg);
      const { db } = await ctx.desk();
      const actor = await ensureTechnician(db, ctx.me());
      const results = [];
      for (const p of positions) results.push(await setItemDone(db, id, p, done, actor));
      const list = await checklistOf(db, id);
      if (flags.json) return ctx.json({ ref: `HD-${id}`, checklist: list, did: results.flatMap((r) => r.did) });
      for (const r of results) {
        const state = r.changed ? (done ? 'done' : 'open again') : done ? 'was already done' : 'was already open';
        ctx.out(cleanLine(`${r.ticket.ref} item ${r.item.position} ${state}: ${r.item.text}`));
        for (const line of r.did) ctx.out(cleanLine(`  ${line}`));
      }
      ctx.out(`HD-${id} checklist ${progress(list)}`);
    });
}

export const ticketCheckCommand = (ctx: Ctx) => tickCommand(ctx, 'check');
export const ticketUncheckCommand = (ctx: Ctx) => tickCommand(ctx, 'uncheck');

export function ticketVerifyCommand(ctx: Ctx): Command {
  return new Command('verify')
    .description("record that you verified the requester's identity, and how")
    .argument('<ref>', 'ticket ref')
    .requiredOption('--method <method>', VERIFY_METHODS.map((m) => `${m} (${VERIFY_METHOD_HELP[m]})`).join(', '))
    .option('--note <text>', 'what was checked (kept in the audit trail beside the method)')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  deskline ticket verify HD-7 --method callback --note "called 555-0134 from the HR record"')
    .action(async (ref: string, flags: { method: string; note?: string; json?: boolean }) => {
      if (!isVerifyMethod(flags.method))
        fail(EXIT.invalid, `--method: must be one of ${VERIFY_METHODS.join(', ')} (got '${flags.method}')`);
      const id = refArg(ref);
      const { db } = await ctx.desk();
      const actor = await ensureTechnician(db, ctx.me());
      const ticket = await recordVerification(db, id, flags.method, actor, Date.now(), flags.note ?? '');
      if (flags.json) return ctx.json({ ref: ticket.ref, identity: { method: flags.method, verified_by: actor.name } });
      ctx.out(cleanLine(`${ticket.ref} identity verified by ${actor.name} (${flags.method})`));
    });
}
