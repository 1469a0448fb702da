/** `deskline requester add|list|show`: the people asking for help. */
import { Command } from 'commander';
import { EXIT, fail } from '../errors.js';
import { addRequester, getRequester, listRequesters, ticketsOfRequester } from '../store/requesters.js';
import type { Ctx } from './context.js';
import { requesterForgetCommand } from './requester-forget.js';
import { cleanLine, table } from './format.js';

export function requesterCommand(ctx: Ctx): Command {
  const cmd = new Command('requester').description('requesters: the people asking for help');

  cmd
    .command('add')
    .description('add a requester')
    .argument('<name>', 'full name')
    .option('-e, --email <email>', 'email address')
    .option('--phone <phone>', 'phone number')
    .option('--department <dept>', 'department')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  deskline requester add "Ana Silva" -e ana@example.com --department Finance')
    .action(async (name: string, flags: { email?: string; phone?: string; department?: string; json?: boolean }) => {
      const { db } = await ctx.desk();
      const row = await addRequester(db, { name, email: flags.email, phone: flags.phone, department: flags.department });
      if (flags.json) return ctx.json({ requester: row });
      ctx.out(`added requester ${row.id}  ${cleanLine(row.name)}${row.email ? ` <${row.email}>` : ''}`);
    });

  cmd
    .command('list')
    .description('list requesters, optionally matching a name or email')
    .argument('[search]', 'part of a name or email')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON')
    .action(async (search: string | undefined, flags: { limit: string; json?: boolean }) => {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
        fail(EXIT.invalid, `--limit: '${flags.limit}' must be a whole number from 1 to 100000`);
      const { db } = await ctx.desk();
      const rows = await listRequesters(db, search ?? '', limit);
      if (flags.json) return ctx.json({ requesters: rows });
      ctx.out(
        table(
          ['ID', 'NAME', 'EMAIL', 'PHONE', 'DEPARTMENT'],
          rows.map((r) => [String(r.id), cleanLine(r.name), r.email ?? '', cleanLine(r.phone), cleanLine(r.department)]),
        ),
      );
    });

  cmd
    .command('show')
    .description('show a requester and their recent tickets')
    .argument('<who>', 'id, email or name')
    .option('--json', 'print JSON')
    .action(async (who: string, flags: { json?: boolean }) => {
      const { db } = await ctx.desk();
      const r = await getRequester(db, who);
      const tickets = await ticketsOfRequester(db, r.id);
      if (flags.json) return ctx.json({ requester: r, tickets: tickets.map((t) => ({ ref: `HD-${t.id}`, ...t })) });
      ctx.out(cleanLine(`${r.name}${r.email ? ` <${r.email}>` : ''}`));
      if (r.phone) ctx.out(`  phone       ${cleanLine(r.phone)}`);
      if (r.department) ctx.out(`  department  ${cleanLine(r.department)}`);
      ctx.out(`\nRecent tickets (${tickets.length})`);
      for (const t of tickets) ctx.out(cleanLine(`  HD-${t.id}  ${t.status.padEnd(8)} ${t.priority.padEnd(7)} ${t.title}`));
    });
  cmd.addCommand(requesterForgetCommand(ctx));
  return cmd;
}
