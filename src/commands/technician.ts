/** `deskline technician add|list`: the people working the desk. */
import { Command } from 'commander';
import { TIERS, type Tier } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import { addTechnician, listTechnicians, openCounts } from '../store/technicians.js';
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
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  deskline technician add "Sam Okafor" -e sam@example.com --tier L2')
    .action(async (name: string, flags: { email: string; tier: string; json?: boolean }) => {
      const tier = flags.tier.toUpperCase();
      if (!TIERS.includes(tier as Tier)) fail(EXIT.invalid, `--tier: must be one of ${TIERS.join(', ')} (got '${flags.tier}')`);
      if (!/^[^\s@]+@[^\s@]+$/.test(flags.email)) fail(EXIT.invalid, `--email: '${flags.email}' is not an email address`);
      const { db } = await ctx.desk();
      const row = await addTechnician(db, { name, email: flags.email, tier });
      if (flags.json) return ctx.json({ technician: row });
      ctx.out(`added technician ${cleanLine(row.name)} <${row.email}> ${row.tier}`);
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
      const open = await openCounts(db);
      if (flags.json) return ctx.json({ technicians: rows.map((r) => ({ ...r, open: open.get(r.id) ?? 0 })) });
      ctx.out(
        table(
          ['NAME', 'EMAIL', 'TIER', 'OPEN'],
          rows.map((r) => [cleanLine(r.name), r.email, r.tier, String(open.get(r.id) ?? 0)]),
        ),
      );
    });
  return cmd;
}
