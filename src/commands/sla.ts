/* eslint-disable max-lines -- #12: over 200 lines, to be split by the restructure */
/** `deskline sla policy|calendar|holiday|breaches|recompute`: targets, business hours, holidays, breaches. */
import { Command } from 'commander';
import { describeWeek, type BusinessCalendar } from '../domain/sla/calendar.js';
import { formatMinutes, parseMinutes } from '../domain/sla/policy.js';
import { EXIT, fail } from '../errors.js';
import type { Executor } from '../store/executor.js';
import type { PolicyView } from '../store/sla-config.js';
import type { RecomputeResult } from '../store/sla.js';
import type { Ctx } from './context.js';
import { clean, formatTime, iso, table, thousands } from './format.js';

const collect = (value: string, previous: string[]) => [...previous, value];
const store = () => Promise.all([import('../store/sla-config.js'), import('../store/sla.js'), import('../store/sla-breaches.js')]);

function minutes(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const p = parseMinutes(text);
  return p.ok ? p.value : fail(EXIT.invalid, `${flag}: ${p.error}`);
}

/** `7d`, `24h`, `2w`, `90m` ago, or an ISO date/time (a bare date is UTC midnight). */
export function parseSince(text: string, now: number): number {
  const m = /^(\d+)\s*([mhdw])$/i.exec(text.trim());
  if (m) return now - Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2]!.toLowerCase() as 'm']!;
  const t = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(t) ? fail(EXIT.invalid, `--since: '${text}' is not like 7d, 24h or 2026-01-31`) : t;
}

const policyJson = (p: PolicyView) => ({
  priority: p.priority,
  first_response_minutes: p.firstResponseMinutes,
  resolution_minutes: p.resolutionMinutes,
  is_24x7: p.is24x7,
  calendar: p.calendar,
});
const calendarJson = (c: BusinessCalendar) => ({ name: c.name, tz: c.tz, week: c.week, holidays: c.holidays });
const recomputedJson = (r: RecomputeResult) => ({ tickets: r.tickets, changed: r.changed, breaches: r.breaches });

export function slaCommand(ctx: Ctx): Command {
  const sla = new Command('sla').description('service levels: targets per priority, business hours, holidays, breaches');

  /** Every change to targets or hours re-derives the stored due times of all tickets. */
  const recompute = async (db: Executor, quiet = false): Promise<RecomputeResult> => {
    const [, { recomputeAll }] = await store();
    const r = await recomputeAll(db);
    if (!quiet) ctx.note(`recomputed due times of ${thousands(r.tickets)} tickets (${thousands(r.changed)} changed)`);
    return r;
  };

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
        const r = await recompute(db);
        if (flags.json) return ctx.json({ policy: policyJson(row), recomputed: recomputedJson(r) });
        ctx.out(
          `${row.priority}: first response ${formatMinutes(row.firstResponseMinutes)}, resolution ${formatMinutes(row.resolutionMinutes)}, ${row.is24x7 ? '24x7' : `business hours (${row.calendar})`}`,
        );
      },
    );

  const calendar = sla.command('calendar').description('business hours and time zone');
  const showCalendar = (c: BusinessCalendar) => {
    ctx.out(`calendar  ${c.name}\nzone      ${c.tz}\nhours     ${describeWeek(c.week)}\nholidays  ${c.holidays.length}`);
  };
  calendar
    .command('show')
    .description('show a calendar')
    .argument('[name]', 'calendar name', 'default')
    .option('--json', 'print JSON')
    .action(async (name: string, flags: { json?: boolean }) => {
      const [{ getCalendar }] = await store();
      const c = await getCalendar((await ctx.desk()).db, name);
      if (flags.json) return ctx.json({ calendar: calendarJson(c) });
      showCalendar(c);
    });
  calendar
    .command('set')
    .description('change (or create) a calendar, then recompute due times')
    .argument('[name]', 'calendar name', 'default')
    .option('--tz <zone>', 'IANA time zone, e.g. Europe/London')
    .option('--hours <days=shifts>', 'mon-fri=09:00-17:00, sat=10:00-12:00,13:00-15:00, sun=off (repeatable)', collect, [])
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  deskline sla calendar set --tz Europe/London --hours mon-thu=08:30-17:00 --hours fri=08:30-16:00')
    .action(async (name: string, flags: { tz?: string; hours: string[]; json?: boolean }) => {
      if (flags.tz === undefined && flags.hours.length === 0) fail(EXIT.usage, 'calendar set: give --tz and/or --hours');
      const [{ setCalendar }] = await store();
      const { db } = await ctx.desk();
      const c = await setCalendar(db, name, { tz: flags.tz, hours: flags.hours });
      const r = await recompute(db);
      if (flags.json) return ctx.json({ calendar: calendarJson(c), recomputed: recomputedJson(r) });
      showCalendar(c);
    });

  const holiday = sla.command('holiday').description('days off in a calendar (dates in its zone)');
  holiday
    .command('add')
    .description('add a holiday, then recompute due times')
    .argument('<date>', 'YYYY-MM-DD')
    .argument('<name...>', 'what it is')
    .option('--calendar <name>', 'calendar', 'default')
    .option('--json', 'print JSON')
    .action(async (date: string, words: string[], flags: { calendar: string; json?: boolean }) => {
      const [{ addHoliday }] = await store();
      const { db } = await ctx.desk();
      await addHoliday(db, flags.calendar, date, words.join(' '));
      const r = await recompute(db);
      if (flags.json)
        return ctx.json({ holiday: { calendar: flags.calendar, date, name: words.join(' ') }, recomputed: recomputedJson(r) });
      ctx.out(`added holiday ${date} ${clean(words.join(' '))} to ${flags.calendar}`);
    });
  holiday
    .command('list')
    .description('list holidays')
    .option('--calendar <name>', 'calendar', 'default')
    .option('--json', 'print JSON')
    .action(async (flags: { calendar: string; json?: boolean }) => {
      const [{ getCalendar }] = await store();
      const { holidays } = await getCalendar((await ctx.desk()).db, flags.calendar);
      if (flags.json) return ctx.json({ calendar: flags.calendar, holidays });
      if (holidays.length === 0) return ctx.out(`no holidays in ${flags.calendar}`);
      ctx.out(
        table(
          ['DATE', 'NAME'],
          holidays.map((h) => [h.date, clean(h.name)]),
        ),
      );
    });
  holiday
    .command('remove')
    .description('remove a holiday, then recompute due times')
    .argument('<date>', 'YYYY-MM-DD')
    .option('--calendar <name>', 'calendar', 'default')
    .action(async (date: string, flags: { calendar: string }) => {
      const [{ removeHoliday }] = await store();
      const { db } = await ctx.desk();
      await removeHoliday(db, flags.calendar, date);
      await recompute(db);
      ctx.out(`removed holiday ${date} from ${flags.calendar}`);
    });

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
            clean(b.assignee ?? '—'),
            clean(b.title),
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
      const r = await recompute((await ctx.desk()).db, true);
      if (flags.json) return ctx.json({ recomputed: { ...recomputedJson(r), ms: Math.round(r.ms) } });
      ctx.out(
        `${thousands(r.tickets)} tickets in ${Math.round(r.ms)} ms (${thousands(Math.round(r.tickets / Math.max(r.ms / 1000, 0.001)))}/s), ${thousands(r.breaches)} new breaches`,
      );
    });

  return sla;
}
