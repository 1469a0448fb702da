/** The everyday moves: assign, comment (reply/note/call/chat), escalate, resolve, reopen. */
import { Command, Option } from 'commander';
import { TIERS, type InteractionKind, type Tier } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import { addInteraction } from '../store/interactions.js';
import { ensureTechnician } from '../store/technicians.js';
import { updateTicket, type Changed } from '../store/ticket-changes.js';
import { getTicket } from '../store/ticket-view.js';
import { escalate, reopen, resolve } from '../store/ticket-workflows.js';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';
import { refArg } from './resolve-ref.js';
import { textFrom } from './text-input.js';
import { ticketJson } from './ticket-json.js';

async function actorOf(ctx: Ctx) {
  const { db } = await ctx.desk();
  return { db, actor: await ensureTechnician(db, ctx.me()) };
}

function printChanged(ctx: Ctx, json: boolean | undefined, r: Changed, verb: string): void {
  if (json) return ctx.json({ ticket: ticketJson(r.ticket), changes: r.changes });
  ctx.out(cleanLine(r.changes.length ? `${r.ticket.ref} ${verb}` : `${r.ticket.ref} unchanged`));
}

export function ticketAssignCommand(ctx: Ctx): Command {
  return new Command('assign')
    .description('assign a ticket (to you by default), or to a group')
    .argument('<ref>', 'ticket ref')
    .option('--to <who>', 'me, none, a technician name or email (default: me, unless --group is given)')
    .option('-g, --group <name>', 'a group of technicians, or none')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  deskline ticket assign HD-7\n  deskline ticket assign HD-7 --to "Ana Silva"\n  deskline ticket assign HD-7 --group "Desktop Support L2"',
    )
    .action(async (ref: string, flags: { to?: string; group?: string; json?: boolean }) => {
      const { db, actor } = await actorOf(ctx);
      const to = flags.to ?? (flags.group === undefined ? 'me' : undefined);
      const r = await updateTicket(db, refArg(ref), { assignee: to, group: flags.group }, actor, { action: 'assign' });
      const group = r.ticket.group ? ` (group ${r.ticket.group.name})` : '';
      printChanged(ctx, flags.json, r, `assigned to ${r.ticket.assignee?.name ?? 'nobody'}${group}`);
    });
}

const KIND_FLAGS: [flag: string, kind: InteractionKind, help: string][] = [
  ['reply', 'reply', 'public reply to the requester (default)'],
  ['note', 'note', 'internal note'],
  ['call', 'call', 'phone call log'],
  ['chat', 'chat', 'chat transcript or summary'],
];

export function ticketCommentCommand(ctx: Ctx): Command {
  const cmd = new Command('comment')
    .description('add a reply, note, call or chat to the timeline')
    .argument('<ref>', 'ticket ref')
    .argument('[text]', 'the text; - reads stdin; none opens $EDITOR on a terminal');
  for (const [flag, , help] of KIND_FLAGS)
    cmd.addOption(new Option(`--${flag}`, help).conflicts(KIND_FLAGS.map((k) => k[0]).filter((f) => f !== flag)));
  return cmd
    .option('-m, --minutes <n>', 'time spent in minutes', '0')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  deskline ticket comment HD-7 --reply "Restarted the spooler; please try again"\n  deskline ticket comment HD-7 --call --minutes 15 "Walked Ana through the VPN profile"\n  git log -1 | deskline ticket comment HD-7 --note -',
    )
    .action(async (ref: string, text: string | undefined, flags: Record<string, string | boolean | undefined>) => {
      const kind = KIND_FLAGS.find(([flag]) => flags[flag])?.[1] ?? 'reply';
      const minutes = Number(flags.minutes);
      if (!Number.isInteger(minutes) || minutes < 0) fail(EXIT.invalid, `--minutes: '${flags.minutes}' is not a whole number of minutes`);
      const id = refArg(ref);
      const { db, actor } = await actorOf(ctx);
      await getTicket(db, id);
      const body = (await textFrom(ctx.io, text, 'text')).trim();
      const row = await addInteraction(db, id, { kind, body, minutes }, actor);
      if (flags.json)
        return ctx.json({ ref: `HD-${id}`, interaction: { id: row.id, kind: row.kind, minutes: row.minutes, author: row.author_name } });
      ctx.out(`HD-${id} ${kind} added${minutes ? ` (${minutes} min)` : ''}`);
    });
}

export function ticketEscalateCommand(ctx: Ctx): Command {
  return new Command('escalate')
    .description('move a ticket up a tier, with a reason')
    .argument('<ref>', 'ticket ref')
    .requiredOption('--to <tier>', 'L2 | L3')
    .requiredOption('--reason <text>', 'why it needs the next tier')
    .option('-g, --group <name>', "hand it to this group's queue (unassigned, for its members to take)")
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  deskline ticket escalate HD-7 --to L2 --reason "VPN concentrator logs needed"\n  deskline ticket escalate HD-7 --to L2 --group "Desktop Support L2" --reason "needs a desk visit"',
    )
    .action(async (ref: string, flags: { to: string; reason: string; group?: string; json?: boolean }) => {
      const tier = flags.to.toUpperCase();
      if (!TIERS.includes(tier as Tier)) fail(EXIT.invalid, `--to: must be one of ${TIERS.join(', ')} (got '${flags.to}')`);
      const { db, actor } = await actorOf(ctx);
      const r = await escalate(db, refArg(ref), tier as Tier, flags.reason, actor, {}, flags.group);
      printChanged(ctx, flags.json, r, `escalated to ${tier}${r.ticket.group && flags.group ? ` (group ${r.ticket.group.name})` : ''}`);
    });
}

export function ticketResolveCommand(ctx: Ctx): Command {
  return new Command('resolve')
    .description('resolve a ticket with a resolution')
    .argument('<ref>', 'ticket ref')
    .requiredOption('--resolution <text>', 'what fixed it')
    .option('--force <reason>', 'resolve a request with required checklist items open, for this reason (audited)')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  deskline ticket resolve HD-7 --resolution "Reset the password and unlocked the account"')
    .action(async (ref: string, flags: { resolution: string; force?: string; json?: boolean }) => {
      const { db, actor } = await actorOf(ctx);
      printChanged(ctx, flags.json, await resolve(db, refArg(ref), flags.resolution, actor, { force: flags.force }), 'resolved');
    });
}

export function ticketReopenCommand(ctx: Ctx): Command {
  return new Command('reopen')
    .description('reopen a resolved or closed ticket')
    .argument('<ref>', 'ticket ref')
    .option('--reason <text>', 'why it is back', '')
    .option('--json', 'print JSON')
    .action(async (ref: string, flags: { reason: string; json?: boolean }) => {
      const { db, actor } = await actorOf(ctx);
      printChanged(ctx, flags.json, await reopen(db, refArg(ref), flags.reason, actor), 'reopened');
    });
}
