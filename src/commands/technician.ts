/** `deskline technician add|list`: the people working the desk. */
import { Command } from 'commander';
import { TIERS, type Tier } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import { addTechnicianWithRole, mapTechnicianRole, rolesByTechnician } from '../store/technician-roles.js';
import { addTechnician, findTechnician, listTechnicians, openCounts } from '../store/technicians.js';
import type { Ctx } from './context.js';
import { cleanLine, table } from './format.js';

export function technicianCommand(ctx: Ctx): Command {
  const cmd = new Command('technician').description('technicians: the people working the desk');

  cmd
    .command('add')
    .description('add a technician')
    .argument('<name>', 'full name')
    .requiredOption('-e, --email <email>', 'email address (unique)')
    .option('--tier <tier>', 'L1 | L2 | L3', 'L1')
    .option('--role <login>', 'team desk: the PostgreSQL login role they connect as (mapped, and granted deskline_technician)')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
On a team desk (PostgreSQL) the database records who made each change from the login role, never
from settings: --role maps one (created first with CREATE ROLE sam LOGIN) and grants it the
technician role of 'deskline db roles'. The desk's owner runs it.

Examples:
  deskline technician add "Sam Okafor" -e sam@example.com --tier L2
  deskline technician add "Sam Okafor" -e sam@example.com --role sam --db postgres://owner@db.example.com/desk`,
    )
    .action(async (name: string, flags: { email: string; tier: string; role?: string; json?: boolean }) => {
      const tier = flags.tier.toUpperCase();
      if (!TIERS.includes(tier as Tier)) fail(EXIT.invalid, `--tier: must be one of ${TIERS.join(', ')} (got '${flags.tier}')`);
      if (!/^[^\s@]+@[^\s@]+$/.test(flags.email)) fail(EXIT.invalid, `--email: '${flags.email}' is not an email address`);
      const { db } = await ctx.desk();
      const input = { name, email: flags.email, tier };
      const row = flags.role === undefined ? await addTechnician(db, input) : await addTechnicianWithRole(db, input, flags.role);
      if (flags.json) return ctx.json({ technician: row, role: flags.role ?? null });
      ctx.out(`added technician ${cleanLine(row.name)} <${row.email}> ${row.tier}${acting(flags.role)}`);
    });

  cmd
    .command('role')
    .description('team desk: map a PostgreSQL login role to an existing technician (and grant it deskline_technician)')
    .argument('<who>', 'technician name or email')
    .argument('<login>', 'the login role they connect as')
    .addHelpText('after', '\nExample:\n  deskline technician role sam@example.com sam --db postgres://owner@db.example.com/desk')
    .action(async (who: string, login: string) => {
      const { db } = await ctx.desk();
      const row = await findTechnician(db, who);
      await mapTechnicianRole(db, row, login);
      ctx.out(`${cleanLine(row.name)} <${row.email}>${acting(login)}`);
    });

  cmd
    .command('list')
    .description('list technicians with their open ticket counts')
    .option('--json', 'print JSON')
    .option('-q, --quiet', 'print only emails, one a line (shell completion reads them)')
    .action(async (flags: { json?: boolean; quiet?: boolean }) => {
      const { db } = await ctx.desk();
      const rows = await listTechnicians(db);
      if (flags.quiet) return rows.forEach((r) => ctx.out(cleanLine(r.email)));
      const [open, roles] = await Promise.all([openCounts(db), rolesByTechnician(db)]);
      if (flags.json)
        return ctx.json({ technicians: rows.map((r) => ({ ...r, open: open.get(r.id) ?? 0, role: roles.get(r.id) ?? null })) });
      // A team desk's login roles as a last column, once any is mapped (a file desk never has one).
      const role = (id: number) => (roles.size ? [cleanLine(roles.get(id) ?? '—')] : []);
      ctx.out(
        table(
          ['NAME', 'EMAIL', 'TIER', 'OPEN', ...(roles.size ? ['LOGIN ROLE'] : [])],
          rows.map((r) => [cleanLine(r.name), r.email, r.tier, String(open.get(r.id) ?? 0), ...role(r.id)]),
        ),
      );
    });
  return cmd;
}

const acting = (role: string | undefined) =>
  role === undefined ? '' : `, acting as login role ${cleanLine(role)} (granted deskline_technician)`;
