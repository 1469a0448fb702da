/** `deskline sla calendar show|set` and `sla holiday add|list|remove`: business hours, time zones, days off. */
import type { Command } from 'commander';
import { describeWeek, type BusinessCalendar } from '../domain/sla/calendar.js';
import { EXIT, fail } from '../errors.js';
import type { Ctx } from './context.js';
import { cleanLine, table } from './format.js';
import { calendarJson, recompute, recomputedJson, store } from './sla-common.js';
import { appendValue } from './options.js';

export function addCalendarCommands(sla: Command, ctx: Ctx): void {
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
    .option('--hours <days=shifts>', 'mon-fri=09:00-17:00, sat=10:00-12:00,13:00-15:00, sun=off (repeatable)', appendValue, [])
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  deskline sla calendar set --tz Europe/London --hours mon-thu=08:30-17:00 --hours fri=08:30-16:00')
    .action(async (name: string, flags: { tz?: string; hours: string[]; json?: boolean }) => {
      if (flags.tz === undefined && flags.hours.length === 0) fail(EXIT.usage, 'calendar set: give --tz and/or --hours');
      const [{ setCalendar }] = await store();
      const { db } = await ctx.desk();
      const c = await setCalendar(db, name, { tz: flags.tz, hours: flags.hours });
      const r = await recompute(ctx, db);
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
      const r = await recompute(ctx, db);
      if (flags.json)
        return ctx.json({ holiday: { calendar: flags.calendar, date, name: words.join(' ') }, recomputed: recomputedJson(r) });
      ctx.out(`added holiday ${date} ${cleanLine(words.join(' '))} to ${flags.calendar}`);
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
          holidays.map((h) => [h.date, cleanLine(h.name)]),
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
      await recompute(ctx, db);
      ctx.out(`removed holiday ${date} from ${flags.calendar}`);
    });
}
