/** `deskline asset add|list|show|update|assign|import`: the hardware and licences the desk looks after. */
import { Command } from 'commander';
import { ASSET_TYPES, assetStatus, assetType, checkAsset, formatDay, statusLabel, type AssetFields } from '../domain/asset.js';
import { EXIT, fail } from '../errors.js';
import { assetHistory } from '../store/asset-links.js';
import { addAsset, getAsset, listAssets } from '../store/assets.js';
import { ensureTechnician } from '../store/technicians.js';
import { assetAssignCommand, assetImportCommand, assetUpdateCommand } from './asset-change.js';
import { assetJson, withAssetFields } from './asset-fields.js';
import type { Ctx } from './context.js';
import { cleanLine, formatTime, table } from './format.js';

export function assetCommand(ctx: Ctx): Command {
  const cmd = new Command('asset').description('assets: laptops, desktops, monitors, printers, phones, licences');

  withAssetFields(
    cmd
      .command('add')
      .description('add an asset (deployed when it has an owner, else in stock)')
      .argument('<tag>', 'asset tag, e.g. LT-0042')
      .requiredOption('--type <type>', ASSET_TYPES.join(' | '))
      .option('--owner <who>', 'requester id, email or name'),
  )
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExample:\n  deskline asset add LT-0042 --type laptop --model "Latitude 5440" --owner ana@example.com --warranty 2027-03-31',
    )
    .action(async (tag: string, flags: AssetFields & { owner?: string; json?: boolean }) => {
      const { json, owner, ...fields } = flags;
      const values = checkAsset({ ...fields, tag });
      const { db } = await ctx.desk();
      const actor = await ensureTechnician(db, ctx.me());
      const a = await addAsset(db, { ...values, owner }, actor);
      if (json) return ctx.json({ asset: assetJson(a) });
      ctx.out(cleanLine(`added asset ${a.tag}  ${a.type}  ${statusLabel(a.status)}${a.owner_name ? `  owner ${a.owner_name}` : ''}`));
    });

  cmd
    .command('list')
    .description('list assets (by tag), optionally matching text')
    .argument('[search]', 'part of a tag, model, serial, host name or owner')
    .option('--owner <who>', "a requester's assets")
    .option('--status <s>', 'only this status')
    .option('--type <type>', 'only this type')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON')
    .action(
      async (search: string | undefined, flags: { owner?: string; status?: string; type?: string; limit: string; json?: boolean }) => {
        const limit = Number(flags.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
          fail(EXIT.invalid, `--limit: '${flags.limit}' must be a whole number from 1 to 100000`);
        const status = flags.status === undefined ? undefined : assetStatus(flags.status, '--status');
        const type = flags.type === undefined ? undefined : assetType(flags.type, '--type');
        const { db } = await ctx.desk();
        const rows = await listAssets(db, { search, owner: flags.owner, status, type, limit });
        if (flags.json) return ctx.json({ assets: rows.map(assetJson) });
        ctx.out(
          table(
            ['TAG', 'TYPE', 'STATUS', 'MODEL', 'OWNER', 'HOSTNAME', 'WARRANTY'],
            rows.map((a) => [
              cleanLine(a.tag),
              a.type,
              statusLabel(a.status),
              cleanLine(a.model),
              cleanLine(a.owner_name) || '—',
              cleanLine(a.hostname),
              formatDay(a.warranty_until),
            ]),
          ),
        );
      },
    );

  cmd
    .command('show')
    .description('show an asset with its history: owners and tickets')
    .argument('<tag>', 'asset tag')
    .option('--json', 'print JSON')
    .action(async (tag: string, flags: { json?: boolean }) => {
      const { db } = await ctx.desk();
      const a = await getAsset(db, tag);
      const h = await assetHistory(db, a.id);
      if (flags.json) return ctx.json({ asset: assetJson(a), owners: h.owners, tickets: h.tickets });
      ctx.out(cleanLine(`${a.tag}  ${a.type}  ${a.model}`));
      const fields: [string, string | null][] = [
        ['status', statusLabel(a.status)],
        ['owner', a.owner_name],
        ['serial', a.serial],
        ['location', a.location],
        ['hostname', a.hostname && `${a.hostname}${a.protocol ? ` (${a.protocol})` : ''}`],
        ['purchased', formatDay(a.purchased_at)],
        ['warranty', formatDay(a.warranty_until)],
      ];
      for (const [label, value] of fields) if (value) ctx.out(cleanLine(`  ${label.padEnd(10)} ${value}`));
      if (a.notes)
        ctx.out(
          `\nNotes\n${a.notes
            .split('\n')
            .map((l) => `  ${cleanLine(l)}`)
            .join('\n')}`,
        );
      ctx.out(`\nOwners (${h.owners.length})`);
      for (const o of h.owners) ctx.out(cleanLine(`  ${formatTime(o.at)}  ${o.name ?? 'back in stock'}  (by ${o.actor})`));
      ctx.out(`\nTickets (${h.tickets.length})`);
      for (const t of h.tickets) ctx.out(cleanLine(`  ${t.ref}  ${t.status.padEnd(8)} ${t.title}`));
    });
  cmd.addCommand(assetUpdateCommand(ctx));
  cmd.addCommand(assetAssignCommand(ctx));
  cmd.addCommand(assetImportCommand(ctx));
  return cmd;
}
