/** `deskline requester update WHO …` and `requester merge KEEP GONE` (asks first unless --yes). */
import { Command } from 'commander';
import { EXIT, fail } from '../errors.js';
import { mergeRequesters, updateRequester, type RequesterChanges } from '../store/requester-changes.js';
import { getRequester } from '../store/requesters.js';
import { ensureTechnician } from '../store/technicians.js';
import { confirm } from './confirm.js';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';

interface UpdateFlags {
  name?: string;
  email?: string;
  phone?: string;
  department?: string;
  location?: string;
  vip?: boolean;
  notes?: string;
  json?: boolean;
}

export function requesterUpdateCommand(ctx: Ctx): Command {
  return new Command('update')
    .description('change a requester: contact, location, VIP flag, notes ("" clears a field)')
    .argument('<who>', 'id, email or name')
    .option('--name <name>', 'full name')
    .option('-e, --email <email>', 'email address')
    .option('--phone <phone>', 'phone number')
    .option('--department <dept>', 'department')
    .option('--location <place>', 'where they sit (building, floor, desk)')
    .option('--vip', 'mark as VIP')
    .option('--no-vip', 'no longer VIP')
    .option('--notes <text>', 'notes for technicians (replaces the notes)')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExample:\n  deskline requester update ana@example.com --location "HQ 3rd floor" --vip --notes "Prefers phone calls"',
    )
    .action(async (who: string, flags: UpdateFlags) => {
      const { json, ...given } = flags;
      const changes: RequesterChanges = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
      const { db } = await ctx.desk();
      const r = await updateRequester(db, who, changes);
      if (json) return ctx.json({ requester: { ...r, vip: r.vip === 1 } });
      ctx.out(cleanLine(`updated requester ${r.id}  ${r.name}${r.email ? ` <${r.email}>` : ''}${r.vip ? '  ★ VIP' : ''}`));
    });
}

export function requesterMergeCommand(ctx: Ctx): Command {
  return new Command('merge')
    .description('merge a duplicate into a requester: its tickets, assets and mail addresses move, then it is deleted')
    .argument('<keep>', 'the requester to keep (id, email or name)')
    .argument('<duplicate>', 'the one merged into it and removed')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  deskline requester merge ana@example.com ana.silva@old.example.com --yes')
    .action(async (keep: string, duplicate: string, flags: { yes?: boolean; json?: boolean }) => {
      const { db } = await ctx.desk();
      // Both are found (and told apart) before anything is written, even the technician record.
      const [k, d] = [await getRequester(db, keep), await getRequester(db, duplicate)];
      if (k.id === d.id) fail(EXIT.invalid, `'${keep}' and '${duplicate}' are the same requester (${k.id})`);
      if (!flags.yes) {
        if (!(await confirm(ctx, cleanLine(`merge ${d.name} (${d.id}) into ${k.name} (${k.id}) and delete ${d.id}?`)))) {
          ctx.exitCode = EXIT.usage;
          return ctx.note('not confirmed: nothing changed (use --yes in scripts)');
        }
      }
      const actor = await ensureTechnician(db, ctx.me());
      const m = await mergeRequesters(db, keep, duplicate, actor);
      if (flags.json)
        return ctx.json({
          kept: { ...m.kept, vip: m.kept.vip === 1 },
          removed: m.gone.id,
          moved: { tickets: m.tickets, assets: m.assets, emails: m.emails },
        });
      ctx.out(
        cleanLine(
          `merged ${m.gone.name} (${m.gone.id}) into ${m.kept.name} (${m.kept.id}): ${m.tickets} ticket(s), ${m.assets} asset(s), ${m.emails} mail address(es) moved`,
        ),
      );
    });
}
