/** `deskline ticket create`: from flags or JSON/JSONL, idempotent with --external-id, all-or-nothing. */
import { Command } from 'commander';
import { InputError, validateTicketInput, type TicketInput } from '../domain/ticket-input.js';
import { EXIT, fail } from '../errors.js';
import { ensureTechnician } from '../store/technicians.js';
import { createTickets } from '../store/tickets.js';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';
import { appendValue, commaList } from './options.js';
import { readAll, readTextFile, stdinIsPiped } from './text-input.js';
import { parseTicketJson, ticketJson } from './ticket-json.js';
import { createFromTemplate } from './ticket-request.js';

interface CreateFlags {
  title?: string;
  description?: string;
  priority?: string;
  category?: string;
  channel?: string;
  status?: string;
  tier?: string;
  tag: string[];
  requester?: string;
  assignee?: string;
  externalId?: string;
  resolution?: string;
  fromJson?: string;
  template?: string;
  field: string[];
  dryRun?: boolean;
  quiet?: boolean;
  json?: boolean;
}

export function ticketCreateCommand(ctx: Ctx): Command {
  return new Command('create')
    .description('create a ticket from flags, or many from JSON / JSON Lines')
    .option('-t, --title <text>', 'one-line summary')
    .option('-d, --description <text>', 'details (default: stdin when piped)')
    .option('-p, --priority <p>', 'urgent | high | normal | low', undefined)
    .option('-c, --category <c>', 'hardware, software, network, account, access, email, printer, other')
    .option('--channel <c>', 'phone, email, chat, walk_in, web, cli, monitoring')
    .option('--status <s>', 'initial status (default new; open when assigned)')
    .option('--tier <t>', 'L1 | L2 | L3')
    .option('--tag <tags>', 'tag (repeat or comma-separate)', commaList, [])
    .option('-r, --requester <who>', 'email, "Name <email>" or a known name')
    .option('-a, --assignee <who>', 'me, a technician name or email')
    .option('--external-id <id>', 'idempotency key: the same id returns the existing ticket')
    .option('--resolution <text>', 'how it was solved (required with --status resolved)')
    .option('--template <slug>', 'a service request from a template (template list), with its checklist')
    .option('--field <name=value>', 'a template field (repeat): --field name="Ana Silva" --field start=2027-01-04', appendValue, [])
    .option('--from-json <file>', 'JSON object, array, JSON Lines or what --json prints; - for stdin')
    .option('--dry-run', 'validate and show what would be created, write nothing')
    .option('-q, --quiet', 'print only the ref(s)')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Examples:
  deskline ticket create -t "Printer jams on 4th floor" -p high -c printer -r ana@example.com
  echo "Disk /var at 95%" | deskline ticket create -t "Disk alert db01" --channel monitoring --external-id alert-8812
  deskline ticket create --template new-hire --field name="Ana Silva" --field start=2027-01-04
  deskline ticket create --from-json tickets.jsonl
  deskline --db old.db ticket list sort:id -n 100000 --json | deskline ticket create --from-json -
    (times, requester and assignee are kept; a ticket with no title takes the first words of its description)`,
    )
    .action(async (flags: CreateFlags) => {
      if (flags.template !== undefined) return createFromTemplate(ctx, { ...flags, template: flags.template });
      if (flags.field.length) fail(EXIT.usage, '--field belongs to --template (template list shows them)');
      const inputs = await gatherInputs(ctx, flags);
      if (flags.dryRun)
        return report(
          ctx,
          flags,
          inputs.map((i) => ({ ref: '(new)', title: i.title, existing: false })),
          true,
        );
      const { db } = await ctx.desk();
      const actor = await ensureTechnician(db, ctx.me());
      const created = await createTickets(db, inputs, actor);
      if (flags.json) return ctx.json({ tickets: created.map((c) => ({ ...ticketJson(c.ticket), existing: c.existing })) });
      report(
        ctx,
        flags,
        created.map((c) => ({ ref: c.ticket.ref, title: c.ticket.title, existing: c.existing })),
        false,
      );
    });
}

async function gatherInputs(ctx: Ctx, flags: CreateFlags): Promise<TicketInput[]> {
  const categories = ctx.settings().categories;
  if (flags.fromJson !== undefined) {
    const source = flags.fromJson === '-' ? 'stdin' : flags.fromJson;
    const text = flags.fromJson === '-' ? await readAll(ctx.io.stdin) : readTextFile(flags.fromJson);
    const { inputs, notes } = parseTicketJson(text, source, categories);
    for (const note of notes) ctx.note(note);
    return inputs;
  }
  const description = flags.description ?? (stdinIsPiped(ctx.io) ? await readAll(ctx.io.stdin) : undefined);
  try {
    return [
      validateTicketInput(
        {
          title: flags.title,
          description,
          priority: flags.priority,
          category: flags.category,
          channel: flags.channel,
          status: flags.status,
          tier: flags.tier,
          tags: flags.tag,
          requester: flags.requester,
          assignee: flags.assignee,
          externalId: flags.externalId,
          resolution: flags.resolution,
        },
        categories,
      ),
    ];
  } catch (error) {
    if (error instanceof InputError)
      fail(
        EXIT.invalid,
        `--${error.field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${error.message.slice(error.field.length + 2)}`,
      );
    throw error;
  }
}

function report(ctx: Ctx, flags: CreateFlags, rows: { ref: string; title: string; existing: boolean }[], dry: boolean): void {
  if (dry && flags.json) return ctx.json({ dry_run: true, tickets: rows.map((r) => ({ title: r.title })) });
  for (const r of rows) {
    if (flags.quiet) ctx.out(r.ref);
    else ctx.out(`${dry ? 'would create' : r.existing ? 'exists ' : 'created'} ${r.ref}  ${cleanLine(r.title)}`);
  }
  if (dry && !flags.quiet) ctx.note(`dry run: ${rows.length} ticket(s) valid, nothing written`);
}
