/** `deskline group add|list|members`: groups of technicians that tickets can be assigned to. */
import { Command } from 'commander';
import { addGroup, changeMembers, findGroup, groupMembers, listGroups } from '../store/groups.js';
import type { Ctx } from './context.js';
import { cleanLine, table } from './format.js';
import { commaList } from './options.js';

export function groupCommand(ctx: Ctx): Command {
  const cmd = new Command('group').description('groups of technicians (tickets can be assigned to a group)');

  cmd
    .command('add')
    .description('add a group')
    .argument('<name>', 'e.g. "Desktop Support L2"')
    .option('--member <who>', 'technician name(s) or email(s) to add', commaList, [])
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  deskline group add "Desktop Support L2" --member "Ana Silva,bob@example.com"')
    .action(async (name: string, flags: { member: string[]; json?: boolean }) => {
      const { db } = await ctx.desk();
      const group = await addGroup(db, name);
      const { members } = flags.member.length ? await changeMembers(db, group.name, flags.member, []) : { members: [] };
      if (flags.json) return ctx.json({ group, members });
      ctx.out(cleanLine(`added group ${group.name}${members.length ? ` (${members.map((m) => m.name).join(', ')})` : ''}`));
    });

  cmd
    .command('list')
    .description('list groups with their members and unassigned open tickets')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const { db } = await ctx.desk();
      const groups = await listGroups(db);
      if (flags.json) return ctx.json({ groups });
      ctx.out(
        table(
          ['GROUP', 'MEMBERS', 'WAITING'],
          groups.map((g) => [cleanLine(g.name), String(g.members), String(g.waiting)]),
        ),
      );
    });

  cmd
    .command('members')
    .description("show a group's members, or add and remove some")
    .argument('<group>', 'group name (or the start of one)')
    .option('--add <who>', 'technician name(s) or email(s)', commaList, [])
    .option('--remove <who>', 'technician name(s) or email(s)', commaList, [])
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  deskline group members "Desktop Support L2"\n  deskline group members Desktop --add carla@example.com --remove "Bob Stone"',
    )
    .action(async (name: string, flags: { add: string[]; remove: string[]; json?: boolean }) => {
      const { db } = await ctx.desk();
      const { group, members } =
        flags.add.length || flags.remove.length
          ? await changeMembers(db, name, flags.add, flags.remove)
          : await findGroup(db, name).then(async (g) => ({ group: g, members: await groupMembers(db, g.id) }));
      if (flags.json) return ctx.json({ group, members });
      ctx.out(cleanLine(`${group.name} (${members.length} member${members.length === 1 ? '' : 's'})`));
      for (const m of members) ctx.out(cleanLine(`  ${m.name}${m.email ? ` <${m.email}>` : ''}`));
    });
  return cmd;
}
