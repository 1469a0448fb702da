/** `deskline macro list|show|add|apply|delete`: canned replies with placeholders plus field changes. */
import { Command } from 'commander';
import { describeMacroChanges, MACRO_PLACEHOLDERS, type Macro, type MacroChanges } from '../domain/macro.js';
import { parseRef, PRIORITIES, STATUSES, type Priority, type Status } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import { applyMacro, deleteMacro, getMacro, listMacros, saveMacro } from '../store/macros.js';
import { ensureTechnician } from '../store/technicians.js';
import { confirm } from './confirm.js';
import type { Ctx } from './context.js';
import { clean, cleanLine, table } from './format.js';
import { commaList } from './options.js';
import { readAll, stdinIsPiped } from './text-input.js';
import { ticketJson } from './ticket-json.js';

interface AddFlags {
  title?: string;
  body?: string;
  status?: string;
  priority?: string;
  tag: string[];
  removeTag: string[];
  assignee?: string;
  group?: string;
  json?: boolean;
}

function changesOf(flags: AddFlags): MacroChanges {
  const c: MacroChanges = {};
  if (flags.status !== undefined) {
    if (!STATUSES.includes(flags.status as Status)) fail(EXIT.invalid, `--status: must be one of ${STATUSES.join(', ')}`);
    c.status = flags.status as Status;
  }
  if (flags.priority !== undefined) {
    if (!PRIORITIES.includes(flags.priority as Priority)) fail(EXIT.invalid, `--priority: must be one of ${PRIORITIES.join(', ')}`);
    c.priority = flags.priority as Priority;
  }
  const tags = (list: string[]) => list.map((t) => t.trim().toLowerCase()).filter(Boolean);
  if (flags.tag.length) c.addTags = tags(flags.tag);
  if (flags.removeTag.length) c.removeTags = tags(flags.removeTag);
  if (flags.assignee !== undefined) c.assignee = flags.assignee;
  if (flags.group !== undefined) c.group = flags.group;
  return c;
}

function showMacro(ctx: Ctx, m: Macro): void {
  ctx.out(cleanLine(`${m.name}  ${m.title}`));
  for (const line of describeMacroChanges(m.changes)) ctx.out(cleanLine(`  ${line}`));
  if (m.body) ctx.out(clean(m.body).replace(/^/gm, '    '));
}

export function macroCommand(ctx: Ctx): Command {
  const cmd = new Command('macro').description('macros: a reply with placeholders plus field changes, in one go');

  cmd
    .command('list')
    .description('list the macros')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const macros = await listMacros((await ctx.desk()).db);
      if (flags.json) return ctx.json({ macros });
      ctx.out(
        table(
          ['NAME', 'TITLE', 'CHANGES'],
          macros.map((m) => [m.name, cleanLine(m.title), describeMacroChanges(m.changes).join(', ')]),
        ),
      );
    });

  cmd
    .command('show')
    .description('show a macro: its changes and reply')
    .argument('<name>', 'e.g. acknowledge')
    .option('--json', 'print JSON')
    .action(async (name: string, flags: { json?: boolean }) => {
      const m = await getMacro((await ctx.desk()).db, name);
      if (flags.json) return ctx.json({ macro: m });
      showMacro(ctx, m);
    });

  cmd
    .command('add')
    .description('add a macro, or replace the one with its name')
    .argument('<name>', 'lower-case letters, digits and dashes')
    .option('--title <text>', 'what the picker shows (default: the name)')
    .option('-b, --body <text>', `the reply; - reads stdin. Placeholders: ${MACRO_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ')}`)
    .option('--status <s>', STATUSES.join(' | '))
    .option('--priority <p>', PRIORITIES.join(' | '))
    .option('--tag <tags>', 'add these tags (repeat or comma-separate)', commaList, [])
    .option('--remove-tag <tags>', 'remove these tags', commaList, [])
    .option('--assignee <who>', 'me, none, a technician name or email')
    .option('--group <name>', 'assign to this group')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExample:\n  deskline macro add vpn-steps --title "VPN: first steps" --status pending -b "Hi {{requester.first_name}}, please restart the VPN client."',
    )
    .action(async (name: string, flags: AddFlags) => {
      const body =
        flags.body === '-' || (flags.body === undefined && stdinIsPiped(ctx.io)) ? await readAll(ctx.io.stdin) : (flags.body ?? '');
      const macro: Macro = { name, title: flags.title ?? name, body: body.trimEnd(), changes: changesOf(flags) };
      const done = await saveMacro((await ctx.desk()).db, macro);
      if (flags.json) return ctx.json({ macro, result: done });
      ctx.out(cleanLine(`${done} macro ${name}`));
    });

  cmd
    .command('apply')
    .description('apply a macro to one or more tickets: the reply, then the changes (all or nothing)')
    .argument('<refs-and-name...>', 'ticket refs and the macro name, e.g. HD-7 HD-9 acknowledge')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  deskline macro apply HD-7 acknowledge\n  deskline macro apply HD-7 HD-8 HD-9 known-outage')
    .action(async (words: string[], flags: { json?: boolean }) => {
      const names = words.filter((w) => parseRef(w) === null);
      if (names.length !== 1)
        fail(EXIT.usage, names.length ? `give one macro name (got ${names.join(', ')})` : 'give the macro name after the refs');
      const ids = [...new Set(words.flatMap((w) => parseRef(w) ?? []))];
      if (ids.length === 0) fail(EXIT.usage, 'give at least one ticket ref');
      const { db } = await ctx.desk();
      const actor = await ensureTechnician(db, ctx.me());
      const applied = await applyMacro(db, ids, names[0]!, actor);
      if (flags.json)
        return ctx.json({
          macro: names[0],
          tickets: applied.map((a) => ({ ...ticketJson(a.ticket), reply: a.reply, changes: a.changes })),
        });
      for (const a of applied) {
        const changed = a.changes
          .filter((c) => c.field !== 'resolution')
          .map((c) => `${c.field} ${c.new ?? '—'}`)
          .join(', ');
        ctx.out(cleanLine(`${a.ticket.ref} ${names[0]} applied${a.reply ? ': reply sent' : ''}${changed ? `; ${changed}` : ''}`));
      }
    });

  cmd
    .command('delete')
    .description('delete a macro (tickets it was applied to keep their replies and history)')
    .argument('<name>', 'e.g. vpn-first-steps')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  deskline macro delete vpn-first-steps --yes')
    .action(async (name: string, flags: { yes?: boolean; json?: boolean }) => {
      const { db } = await ctx.desk();
      const m = await getMacro(db, name);
      if (!flags.yes && !(await confirm(ctx, cleanLine(`delete macro ${m.name} (${m.title})?`)))) {
        ctx.exitCode = EXIT.usage;
        return ctx.note('not confirmed: nothing changed (use --yes in scripts)');
      }
      const gone = await deleteMacro(db, name);
      if (flags.json) return ctx.json({ deleted: gone });
      ctx.out(cleanLine(`deleted macro ${gone.name}`));
    });
  return cmd;
}
