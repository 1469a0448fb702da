/** `deskline asset update|assign|import`: changing assets, handing them out, and bringing many in from CSV. */
import { Command } from 'commander';
import { checkAsset, statusLabel, type AssetFields } from '../domain/asset.js';
import { parseMap, readAssetCsv } from '../io/asset-csv.js';
import { importAssets } from '../store/asset-import.js';
import { assignAsset, updateAsset } from '../store/assets.js';
import { ensureTechnician } from '../store/technicians.js';
import { assetJson, withAssetFields } from './asset-fields.js';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';
import { appendValue } from './options.js';
import { readAll, readTextFile } from './text-input.js';

export function assetUpdateCommand(ctx: Ctx): Command {
  return withAssetFields(
    new Command('update')
      .description('change fields of an asset ("" clears one); the owner changes with `asset assign`')
      .argument('<tag>', 'asset tag')
      .option('--tag <new>', 'a new tag')
      .option('--type <type>', 'asset type'),
  )
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  deskline asset update LT-0042 --status "in repair" --notes "Screen replaced under warranty"')
    .action(async (tag: string, flags: AssetFields & { json?: boolean }) => {
      const { json, ...fields } = flags;
      const values = checkAsset(fields);
      const { db } = await ctx.desk();
      const a = await updateAsset(db, tag, values);
      if (json) return ctx.json({ asset: assetJson(a) });
      ctx.out(cleanLine(`updated asset ${a.tag}  ${a.type}  ${statusLabel(a.status)}`));
    });
}

export function assetAssignCommand(ctx: Ctx): Command {
  return new Command('assign')
    .description('give an asset to a requester (deployed), or back to stock with none')
    .argument('<tag>', 'asset tag')
    .argument('<who>', 'requester id, email or name; none returns it to stock')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  deskline asset assign LT-0042 ana@example.com\n  deskline asset assign LT-0042 none')
    .action(async (tag: string, who: string, flags: { json?: boolean }) => {
      const { db } = await ctx.desk();
      const actor = await ensureTechnician(db, ctx.me());
      const a = await assignAsset(db, tag, who, actor);
      if (flags.json) return ctx.json({ asset: assetJson(a) });
      ctx.out(cleanLine(`${a.tag} ${a.owner_name ? `assigned to ${a.owner_name}` : 'back in stock'} (${statusLabel(a.status)})`));
    });
}

export function assetImportCommand(ctx: Ctx): Command {
  return new Command('import')
    .description('add or update assets from CSV with a header row (all or nothing; importing again changes nothing)')
    .argument('<file>', 'a CSV file, or - for stdin')
    .option('--map <column=field>', 'read a column as a field, e.g. "Asset Tag=tag" (repeatable)', appendValue, [])
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Columns: tag, type, model, serial, owner (requester id, email or name), location, hostname, protocol,
status, purchased, warranty (YYYY-MM-DD), notes; also "Asset Tag", "Serial Number", "Assigned To" …
Example:
  deskline asset import assets.csv --map "Device=tag"`,
    )
    .action(async (file: string, flags: { map: string[]; json?: boolean }) => {
      const map = parseMap(flags.map);
      const text = file === '-' ? await readAll(ctx.io.stdin) : readTextFile(file);
      const records = readAssetCsv(text, file === '-' ? 'stdin' : file, map);
      const { db } = await ctx.desk();
      const actor = await ensureTechnician(db, ctx.me());
      const s = await importAssets(db, records, actor, file === '-' ? 'stdin' : file);
      if (flags.json) return ctx.json({ assets: records.length, ...s });
      ctx.out(`${records.length} asset(s): ${s.created} added, ${s.updated} updated, ${s.unchanged} unchanged`);
    });
}
