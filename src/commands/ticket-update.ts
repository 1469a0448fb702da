/** `deskline ticket update HD-7 …` and `ticket update --where "query" …` (bulk, confirmed). */
import { Command } from 'commander';
import { tagList, validateField, InputError } from '../domain/ticket-input.js';
import { EXIT, fail } from '../errors.js';
import { updateTicket, updateTickets, type Changed, type TicketChanges } from '../store/ticket-changes.js';
import { ensureTechnician } from '../store/technicians.js';
import type { Ctx } from './context.js';
import { cleanLine, thousands } from './format.js';
import { confirm } from './confirm.js';
import { refArg } from './resolve-ref.js';
import { ticketJson } from './ticket-json.js';
import { findIds, whereQuery } from './ticket-query.js';
import { commaList } from './options.js';

interface UpdateFlags {
  title?: string;
  status?: string;
  priority?: string;
  assignee?: string;
  tier?: string;
  category?: string;
  resolution?: string;
  addTag: string[];
  removeTag: string[];
  ifVersion?: string;
  where?: string;
  yes?: boolean;
  json?: boolean;
  quiet?: boolean;
}

function changesFrom(flags: UpdateFlags, categories?: readonly string[]): TicketChanges {
  try {
    const c: TicketChanges = {};
    if (flags.title !== undefined) c.title = validateField('title', flags.title);
    if (flags.status !== undefined) c.status = validateField('status', flags.status);
    if (flags.priority !== undefined) c.priority = validateField('priority', flags.priority);
    if (flags.tier !== undefined) c.tier = validateField('tier', flags.tier);
    if (flags.category !== undefined) c.category = validateField('category', flags.category, categories);
    if (flags.assignee !== undefined) c.assignee = flags.assignee.trim();
    if (flags.resolution !== undefined) c.resolution = validateField('resolution', flags.resolution) ?? '';
    if (flags.addTag.length) c.addTags = tagList(flags.addTag, 'add-tag');
    if (flags.removeTag.length) c.removeTags = tagList(flags.removeTag, 'remove-tag');
    if (Object.keys(c).length === 0)
      fail(
        EXIT.usage,
        'nothing to change: give --status, --priority, --assignee, --tier, --category, --title, --resolution, --add-tag or --remove-tag',
      );
    return c;
  } catch (error) {
    if (error instanceof InputError) fail(EXIT.invalid, `--${error.field}: ${error.message.slice(error.field.length + 2)}`);
    throw error;
  }
}

export function ticketUpdateCommand(ctx: Ctx): Command {
  return new Command('update')
    .description('change fields of one ticket, or of every ticket matching --where')
    .argument('[ref]', 'ticket ref, e.g. HD-7 (or use --where)')
    .option('--title <text>', 'new title')
    .option('--status <s>', 'new, open, pending, on_hold, resolved, closed (allowed transitions only)')
    .option('-p, --priority <p>', 'urgent | high | normal | low')
    .option('-a, --assignee <who>', 'me, none, a technician name or email')
    .option('--tier <t>', 'L1 | L2 | L3')
    .option('-c, --category <c>', 'category')
    .option('--resolution <text>', 'how it was solved (required to set --status resolved)')
    .option('--add-tag <tags>', 'add tag(s)', commaList, [])
    .option('--remove-tag <tags>', 'remove tag(s)', commaList, [])
    .option('--if-version <n>', 'only if the ticket is still at this version (else exit 3)')
    .option('--where <query>', 'bulk: every ticket matching the query')
    .option('-y, --yes', 'bulk: do not ask for confirmation')
    .option('-q, --quiet', 'print only the ref(s)')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Examples:
  deskline ticket update HD-7 --priority high --add-tag vpn
  deskline ticket update HD-7 --status pending --if-version 4
  deskline ticket update --where "tag:spam status:new" --status closed --yes`,
    )
    .action(async (ref: string | undefined, flags: UpdateFlags) => {
      const changes = changesFrom(flags, ctx.settings().categories);
      if ((ref === undefined) === (flags.where === undefined)) fail(EXIT.usage, 'give a ticket ref or --where "query" (not both)');
      const where = flags.where === undefined ? undefined : whereQuery(flags.where);
      const { db } = await ctx.desk();
      const actor = await ensureTechnician(db, ctx.me());
      if (ref !== undefined) {
        const ifVersion = flags.ifVersion === undefined ? undefined : Number(flags.ifVersion);
        if (ifVersion !== undefined && !(Number.isInteger(ifVersion) && ifVersion >= 1))
          fail(EXIT.invalid, `--if-version: '${flags.ifVersion}' is not a version (a whole number from 1)`);
        return print(ctx, flags, [await updateTicket(db, refArg(ref), changes, actor, { ifVersion })]);
      }
      const ids = await findIds(db, where!, actor.id);
      if (ids.length === 0) return ctx.note('no tickets match: nothing changed');
      if (!flags.yes && !(await confirm(ctx, `change ${thousands(ids.length)} ticket(s)?`))) {
        ctx.exitCode = EXIT.usage;
        return ctx.note(`not confirmed: nothing changed (use --yes in scripts)`);
      }
      print(ctx, flags, await updateTickets(db, ids, changes, actor));
    });
}

function print(ctx: Ctx, flags: UpdateFlags, results: Changed[]): void {
  if (flags.json) return ctx.json({ tickets: results.map((r) => ({ ...ticketJson(r.ticket), changes: r.changes })) });
  for (const r of results) {
    if (flags.quiet) ctx.out(r.ticket.ref);
    else if (r.changes.length === 0) ctx.out(`${r.ticket.ref}  unchanged`);
    else ctx.out(cleanLine(`${r.ticket.ref}  ${r.changes.map((c) => `${c.field} ${c.old ?? '—'} → ${c.new ?? '—'}`).join(', ')}`));
  }
  if (results.length > 1 && !flags.quiet)
    ctx.note(`updated ${thousands(results.filter((r) => r.changes.length).length)} of ${thousands(results.length)} ticket(s)`);
}
