/** `deskline requester add|list|show|update|merge`: the people asking for help. */
import { Command } from 'commander';
import { formatDay, statusLabel } from '../domain/asset.js';
import { EXIT, fail } from '../errors.js';
import { requesterProfile } from '../store/requester-profile.js';
import { addRequester, listRequesters } from '../store/requesters.js';
import type { Ctx } from './context.js';
import { requesterForgetCommand } from './requester-forget.js';
import { cleanLine, table } from './format.js';
import { requesterMergeCommand, requesterUpdateCommand } from './requester-change.js';

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
      if (flags.json) return ctx.json({ requesters: rows.map((r) => ({ ...r, vip: r.vip === 1 })) });
      ctx.out(
        table(
          ['ID', 'NAME', 'EMAIL', 'PHONE', 'DEPARTMENT', 'LOCATION'],
          rows.map((r) => [
            String(r.id),
            cleanLine(`${r.name}${r.vip ? ' ★' : ''}`),
            r.email ?? '',
            cleanLine(r.phone),
            cleanLine(r.department),
            cleanLine(r.location),
          ]),
        ),
      );
    });

  cmd
    .command('show')
    .description('show a requester: contact, notes, open and past tickets, assets')
    .argument('<who>', 'id, email or name')
    .option('--json', 'print JSON')
    .action(async (who: string, flags: { json?: boolean }) => {
      const { db } = await ctx.desk();
      const p = await requesterProfile(db, who);
      const r = p.requester;
      if (flags.json)
        return ctx.json({
          requester: { ...r, vip: r.vip === 1, emails: p.emails },
          open: p.open,
          past: p.past,
          past_count: p.pastCount,
          assets: p.assets,
        });
      ctx.out(cleanLine(`${r.name}${r.email ? ` <${r.email}>` : ''}${r.vip ? '  ★ VIP' : ''}`));
      const field = (label: string, value: string | null) => value && ctx.out(cleanLine(`  ${label.padEnd(11)} ${value}`));
      field('also', p.emails.join(', '));
      field('phone', r.phone);
      field('department', r.department);
      field('location', r.location);
      if (r.notes)
        ctx.out(
          `\nNotes\n${r.notes
            .split('\n')
            .map((l) => `  ${cleanLine(l)}`)
            .join('\n')}`,
        );
      ctx.out(`\nOpen tickets (${p.open.length})`);
      for (const t of p.open) ctx.out(cleanLine(`  ${t.ref}  ${t.status.padEnd(8)} ${t.priority.padEnd(7)} ${t.title}`));
      ctx.out(`\nPast tickets (${p.pastCount}${p.pastCount > p.past.length ? `, newest ${p.past.length}` : ''})`);
      for (const t of p.past) ctx.out(cleanLine(`  ${t.ref}  ${t.status.padEnd(8)} ${t.priority.padEnd(7)} ${t.title}`));
      ctx.out(`\nAssets (${p.assets.length})`);
      for (const a of p.assets) {
        const warranty = a.warranty_until === null ? '' : `  warranty ${formatDay(a.warranty_until)}`;
        ctx.out(cleanLine(`  ${a.tag.padEnd(10)} ${a.type.padEnd(8)} ${statusLabel(a.status).padEnd(9)} ${a.model}${warranty}`));
      }
    });
  cmd.addCommand(requesterUpdateCommand(ctx));
  cmd.addCommand(requesterMergeCommand(ctx));
  cmd.addCommand(requesterForgetCommand(ctx));
  return cmd;
}
