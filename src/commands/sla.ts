/** `deskline sla policy|calendar|holiday|breaches|recompute`: targets, business hours, holidays, breaches. */
import { Command } from 'commander';
import { formatMinutes } from '../domain/sla/policy.js';
import { EXIT, fail } from '../errors.js';
import type { Ctx } from './context.js';
import { cleanLine, formatTime, iso, table, thousands } from './format.js';
import { addCalendarCommands } from './sla-calendar.js';
import { minutes, parseSince, policyJson, recompute, recomputedJson, store } from './sla-common.js';

export function slaCommand(ctx: Ctx): Command {
  const sla = new Command('sla').description('service levels: targets per priority, business hours, holidays, breaches');

  const policy = sla.command('policy').description('first-response and resolution targets per priority');
  policy
    .command('list')
    .description('list the targets')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const [{ loadSlaConfig }] = await store();
      const { rows } = await loadSlaConfig((await ctx.desk()).db);
      if (flags.json) return ctx.json({ policies: rows.map(policyJson) });
      ctx.out(
        table(
          ['PRIORITY', 'FIRST RESPONSE', 'RESOLUTION', 'COUNTED', 'CALENDAR'],
          rows.map((r) => [
            r.priority,
            formatMinutes(r.firstResponseMinutes),
            formatMinutes(r.resolutionMinutes),
            r.is24x7 ? '24x7' : 'business hours',
            r.calendar,
          ]),
        ),
      );
    });
  policy
    .command('set')
    .description('change the targets of one priority, then recompute due times')
    .argument('<priority>', 'urgent | high | normal | low')
    .option('--first <duration>', 'first-response target: 4h, 90m, 1h30m')
    .option('--resolution <duration>', 'resolution target')
    .option('--24x7', 'count around the clock')
    .option('--business-hours', "count in the calendar's business hours")
    .option('--calendar <name>', 'business calendar to count in')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  deskline sla policy set high --first 2h --resolution 8h\n  deskline sla policy set urgent --24x7')
    .action(
      async (
        priority: string,
        flags: { first?: string; resolution?: string; '24x7'?: boolean; businessHours?: boolean; calendar?: string; json?: boolean },
      ) => {
        if (flags['24x7'] && flags.businessHours) fail(EXIT.invalid, '--24x7 and --business-hours: choose one');
        const [{ setPolicy }] = await store();
        const { db } = await ctx.desk();
        const is24x7 = flags['24x7'] ? true : flags.businessHours ? false : undefined;
        const row = await setPolicy(db, priority.toLowerCase(), {
          firstResponseMinutes: minutes('--first', flags.first),
          resolutionMinutes: minutes('--resolution', flags.resolution),
          is24x7,
          calendar: flags.calendar,
        });
        const r = await recompute(ctx, db);
        if (flags.json) return ctx.json({ policy: policyJson(row), recomputed: recomputedJson(r) });
        ctx.out(
          `${row.priority}: first response ${formatMinutes(row.firstResponseMinutes)}, resolution ${formatMinutes(row.resolutionMinutes)}, ${row.is24x7 ? '24x7' : `business hours (${row.calendar})`}`,
        );
      },
    );

  addCalendarCommands(sla, ctx);

  sla
    .command('breaches')
    .description('missed first-response and resolution targets (recorded in the audit trail)')
    .option('--since <when>', '7d, 24h, 2w or a date', '7d')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  deskline sla breaches\n  deskline sla breaches --since 2026-01-01 --json')
    .action(async (flags: { since: string; json?: boolean }) => {
      const now = Date.now();
      const since = parseSince(flags.since, now);
      const [, , { listBreaches, sweepBreaches }] = await store();
      const { db } = await ctx.desk();
      await sweepBreaches(db, now);
      const rows = await listBreaches(db, since);
      if (flags.json)
        return ctx.json({
          since: iso(since),
          breaches: rows.map((b) => ({
            ticket: b.ref,
            clock: b.clock,
            due_at: iso(b.at),
            priority: b.priority,
            status: b.status,
            assignee: b.assignee,
            title: b.title,
          })),
        });
      if (rows.length === 0) return ctx.out(`no breaches since ${formatTime(since)}`);
      ctx.out(
        table(
          ['DUE', 'TICKET', 'CLOCK', 'PRIORITY', 'STATUS', 'ASSIGNEE', 'TITLE'],
          rows.map((b) => [
            formatTime(b.at),
            b.ref,
            b.clock.replace('_', ' '),
            b.priority,
            b.status,
            cleanLine(b.assignee ?? '—'),
            cleanLine(b.title),
          ]),
          { maxWidth: ctx.io.stdout.columns ?? 120 },
        ),
      );
    });

  sla
    .command('recompute')
    .description("recompute every ticket's due times and record breaches")
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const r = await recompute(ctx, (await ctx.desk()).db, true);
      if (flags.json) return ctx.json({ recomputed: { ...recomputedJson(r), ms: Math.round(r.ms) } });
      ctx.out(
        `${thousands(r.tickets)} tickets in ${Math.round(r.ms)} ms (${thousands(Math.round(r.tickets / Math.max(r.ms / 1000, 0.001)))}/s), ${thousands(r.breaches)} new breaches`,
      );
    });

  return sla;
}
