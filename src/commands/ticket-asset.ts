/** `deskline ticket asset HD-7 LT-0042`: what a ticket is about (`--remove` unlinks). */
import { Command } from 'commander';
import { linkAsset } from '../store/asset-links.js';
import { ensureTechnician } from '../store/technicians.js';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';
import { refArg } from './resolve-ref.js';

export function ticketAssetCommand(ctx: Ctx): Command {
  return new Command('asset')
    .description('link a ticket to an asset (its history lists the ticket)')
    .argument('<ref>', 'ticket ref')
    .argument('<tag>', 'asset tag, e.g. LT-0042')
    .option('--remove', 'unlink it instead')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  deskline ticket asset HD-7 LT-0042\n  deskline ticket asset HD-7 LT-0042 --remove')
    .action(async (ref: string, tag: string, flags: { remove?: boolean; json?: boolean }) => {
      const id = refArg(ref);
      const { db } = await ctx.desk();
      const actor = await ensureTechnician(db, ctx.me());
      const { asset, changed } = await linkAsset(db, id, tag, actor, { remove: flags.remove });
      if (flags.json) return ctx.json({ ref: `HD-${id}`, asset: asset.tag, linked: !flags.remove, changed });
      const verb = flags.remove ? (changed ? 'unlinked from' : 'was not linked to') : changed ? 'linked to' : 'already linked to';
      ctx.out(cleanLine(`HD-${id} ${verb} ${asset.tag}`));
    });
}
