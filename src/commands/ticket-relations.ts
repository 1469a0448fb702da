/** Related tickets: `ticket link|unlink|merge|parent` — links, duplicates folded in, major incidents. */
import { Command } from 'commander';
import { LINK_NAMES } from '../domain/ticket-links.js';
import { EXIT, fail } from '../errors.js';
import { ensureTechnician } from '../store/technicians.js';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';
import { refArg } from './resolve-ref.js';

async function actorOf(ctx: Ctx) {
  const { db } = await ctx.desk();
  return { db, actor: await ensureTechnician(db, ctx.me()) };
}

/** `HD-13,HD-14` (or several words) → ids, naming the bad one. */
function refList(texts: readonly string[], option: string): number[] {
  const parts = texts
    .flatMap((t) => t.split(','))
    .map((t) => t.trim())
    .filter(Boolean);
  if (parts.length === 0) fail(EXIT.usage, `${option}: name at least one ticket`);
  return parts.map((p) => refArg(p));
}

export function ticketLinkCommand(ctx: Ctx): Command {
  return new Command('link')
    .description('link two tickets: relates, duplicate (of), blocks, blocked-by')
    .argument('<ref>', 'the ticket')
    .argument('<other>', 'the ticket it relates to')
    .option('--as <kind>', Object.keys(LINK_NAMES).join(' | '), 'relates')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  deskline ticket link HD-7 HD-9 --as duplicate     # HD-7 is a duplicate of HD-9\n  deskline ticket link HD-3 HD-4 --as blocks',
    )
    .action(async (ref: string, other: string, flags: { as: string; json?: boolean }) => {
      const { linkTickets } = await import('../store/ticket-links.js');
      const { db, actor } = await actorOf(ctx);
      const link = await linkTickets(db, refArg(ref), refArg(other), flags.as, actor);
      if (flags.json) return ctx.json({ ref: cleanLine(ref.toUpperCase()), link: { ref: link.ref, label: link.label, kind: link.kind } });
      ctx.out(`HD-${refArg(ref)} ${link.label} ${link.ref}`);
    });
}

export function ticketUnlinkCommand(ctx: Ctx): Command {
  return new Command('unlink')
    .description('remove the link between two tickets')
    .argument('<ref>', 'the ticket')
    .argument('<other>', 'the ticket it was linked to')
    .action(async (ref: string, other: string) => {
      const { unlinkTickets } = await import('../store/ticket-links.js');
      const { db, actor } = await actorOf(ctx);
      await unlinkTickets(db, refArg(ref), refArg(other), actor);
      ctx.out(`HD-${refArg(ref)} and HD-${refArg(other)} unlinked`);
    });
}

export function ticketMergeCommand(ctx: Ctx): Command {
  return new Command('merge')
    .description('merge duplicates into one ticket: timeline, tags and requester (as a follower) move; the duplicate closes')
    .argument('<refs...>', 'the duplicate(s)')
    .requiredOption('--into <ref>', 'the ticket that stays')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  deskline ticket merge HD-9 --into HD-7')
    .action(async (refs: string[], flags: { into: string; json?: boolean }) => {
      const { mergeTickets } = await import('../store/ticket-merge.js');
      const { db, actor } = await actorOf(ctx);
      const result = await mergeTickets(db, refList(refs, 'refs'), refArg(flags.into), actor);
      if (flags.json) return ctx.json({ into: result.into.ref, merged: result.merged });
      for (const m of result.merged)
        ctx.out(
          cleanLine(
            `${m.ref} merged into ${result.into.ref}: ${m.entries} timeline entries moved${m.follower ? `, ${m.follower} follows` : ''}`,
          ),
        );
    });
}

export function ticketParentCommand(ctx: Ctx): Command {
  return new Command('parent')
    .description('make a major incident: the children resolve when the parent does')
    .argument('<ref>', 'the parent ticket')
    .requiredOption('--children <refs...>', 'comma-separated children, e.g. HD-13,HD-14')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  deskline ticket parent HD-12 --children HD-13,HD-14\n  deskline ticket list parent:HD-12')
    .action(async (ref: string, flags: { children: string[]; json?: boolean }) => {
      const { setParent } = await import('../store/incidents.js');
      const { db, actor } = await actorOf(ctx);
      const parent = refArg(ref);
      const changed = await setParent(db, parent, refList(flags.children, '--children'), actor);
      if (flags.json) return ctx.json({ parent: `HD-${parent}`, children: changed });
      ctx.out(changed.length ? `HD-${parent} is the parent of ${changed.join(', ')}` : `HD-${parent} unchanged`);
    });
}
