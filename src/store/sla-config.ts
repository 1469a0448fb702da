/** SLA settings in the database: policies per priority, business calendars and their holidays. */
import { checkText } from '../domain/text-rules.js';
import { parseCalendar, parseHours, type BusinessCalendar, type WeekHours } from '../domain/sla/calendar.js';
import { checkTarget, type SlaPolicy, type SlaTarget } from '../domain/sla/policy.js';
import { isOneOf, PRIORITIES, type Priority } from '../domain/ticket.js';
import { dayNumber } from '../domain/sla/zone.js';
import { EXIT, fail } from '../errors.js';
import type { Executor } from './executor.js';

export interface PolicyView extends SlaTarget {
  priority: Priority;
  calendar: string;
}

export interface SlaConfig {
  policy: SlaPolicy;
  /** The calendar each priority counts business hours in. */
  calendars: Readonly<Record<Priority, BusinessCalendar>>;
  rows: readonly PolicyView[];
}

/** Parsed calendars by content: the same content gives the same object, so its compiled cache stays warm. */
const memo = new Map<string, BusinessCalendar>();

function toCalendar(name: string, tz: string, week: string, holidays: ReadonlyArray<{ date: string; name: string }>): BusinessCalendar {
  const key = JSON.stringify([name, tz, week, holidays]);
  const hit = memo.get(key);
  if (hit) return hit;
  let parsedWeek: unknown;
  try {
    parsedWeek = JSON.parse(week);
  } catch {
    parsedWeek = null;
  }
  const p = parseCalendar({ name, tz, week: (parsedWeek ?? {}) as Record<string, unknown>, holidays });
  if (!p.ok) fail(EXIT.database, `sla calendar ${name} is invalid: ${p.error}`);
  if (memo.size > 100) memo.clear();
  memo.set(key, p.value);
  return p.value;
}

async function calendarRow(db: Executor, name: string) {
  const row = await db.selectFrom('sla_calendars').selectAll().where('name', '=', name).executeTakeFirst();
  return row ?? fail(EXIT.notFound, `no sla calendar named '${name}'`);
}

export async function getCalendar(db: Executor, name = 'default'): Promise<BusinessCalendar> {
  const row = await calendarRow(db, name);
  const holidays = await db.selectFrom('sla_holidays').select(['date', 'name']).where('calendar_id', '=', row.id).orderBy('date').execute();
  return toCalendar(row.name, row.tz, row.week, holidays);
}

export async function listCalendars(db: Executor): Promise<string[]> {
  return (await db.selectFrom('sla_calendars').select('name').orderBy('name').execute()).map((r) => r.name);
}

/** Policies, the calendars they use and their holidays, in one query (a row per policy and holiday). */
export async function loadSlaConfig(db: Executor): Promise<SlaConfig> {
  const rows = await db
    .selectFrom('sla_policies as p')
    .innerJoin('sla_calendars as c', 'c.id', 'p.calendar_id')
    .leftJoin('sla_holidays as h', 'h.calendar_id', 'c.id')
    .select([
      'p.priority',
      'p.first_response_minutes',
      'p.resolution_minutes',
      'p.is_24x7',
      'c.name',
      'c.tz',
      'c.week',
      'h.date as holiday_date',
      'h.name as holiday_name',
    ])
    .orderBy('h.date')
    .execute();
  const policy = {} as Record<Priority, SlaTarget>;
  const calendars = {} as Record<Priority, BusinessCalendar>;
  const views: PolicyView[] = [];
  for (const priority of PRIORITIES) {
    const mine = rows.filter((x) => x.priority === priority);
    const r = mine[0] ?? fail(EXIT.database, `sla policy for ${priority} is missing: run 'deskline sla policy set ${priority}'`);
    policy[priority] = { firstResponseMinutes: r.first_response_minutes, resolutionMinutes: r.resolution_minutes, is24x7: r.is_24x7 === 1 };
    const holidays = mine.flatMap((h) => (h.holiday_date === null ? [] : [{ date: h.holiday_date, name: h.holiday_name ?? '' }]));
    calendars[priority] = toCalendar(r.name, r.tz, r.week, holidays);
    views.push({ priority, ...policy[priority], calendar: r.name });
  }
  return { policy, calendars, rows: views };
}

export interface PolicyChanges {
  firstResponseMinutes?: number;
  resolutionMinutes?: number;
  is24x7?: boolean;
  calendar?: string;
}

export async function setPolicy(db: Executor, priority: string, changes: PolicyChanges, now = Date.now()): Promise<PolicyView> {
  if (!isOneOf(PRIORITIES, priority)) fail(EXIT.invalid, `priority: must be one of ${PRIORITIES.join(', ')} (got '${priority}')`);
  const config = await loadSlaConfig(db);
  const before = config.rows.find((r) => r.priority === priority)!;
  const next = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as PolicyView;
  const checked = checkTarget(priority, next);
  if (!checked.ok) fail(EXIT.invalid, checked.error);
  const calendar = await calendarRow(db, next.calendar);
  await db
    .updateTable('sla_policies')
    .set({
      first_response_minutes: next.firstResponseMinutes,
      resolution_minutes: next.resolutionMinutes,
      is_24x7: next.is24x7 ? 1 : 0,
      calendar_id: calendar.id,
      updated_at: now,
    })
    .where('priority', '=', priority)
    .execute();
  return next;
}

export interface CalendarChanges {
  tz?: string;
  /** `mon-fri=09:00-17:00`, `sat=off` … applied over the current week. */
  hours?: readonly string[];
}

/** Changes a calendar, creating it (from the default week, UTC) when the name is new. */
export async function setCalendar(db: Executor, name: string, changes: CalendarChanges, now = Date.now()): Promise<BusinessCalendar> {
  if (!/^[a-z0-9][a-z0-9_-]{0,39}$/i.test(name)) fail(EXIT.invalid, `calendar name '${name}': use letters, digits, - and _ (up to 40)`);
  const row = await db.selectFrom('sla_calendars').selectAll().where('name', '=', name).executeTakeFirst();
  const current = row ? await getCalendar(db, name) : undefined;
  const hours = parseHours(changes.hours ?? [], current?.week);
  if (!hours.ok) fail(EXIT.invalid, `--hours ${hours.error}`);
  const tz = changes.tz ?? current?.tz ?? 'UTC';
  const checked = parseCalendar({ name, tz, week: hours.value as WeekHours, holidays: current?.holidays ?? [] });
  if (!checked.ok) fail(EXIT.invalid, checked.error);
  const week = JSON.stringify(checked.value.week);
  if (row) await db.updateTable('sla_calendars').set({ tz, week, updated_at: now }).where('id', '=', row.id).execute();
  else await db.insertInto('sla_calendars').values({ name, tz, week, updated_at: now }).execute();
  return checked.value;
}

export async function addHoliday(db: Executor, calendar: string, date: string, name: string): Promise<void> {
  if (dayNumber(date) === null) fail(EXIT.invalid, `date: '${date}' is not a date like 2026-12-25`);
  if (!checkText('name', name, 'line').trim()) fail(EXIT.invalid, 'name: is empty');
  const row = await calendarRow(db, calendar);
  const exists = await db
    .selectFrom('sla_holidays')
    .select('name')
    .where('calendar_id', '=', row.id)
    .where('date', '=', date)
    .executeTakeFirst();
  if (exists) fail(EXIT.conflict, `${date} is already a holiday in ${calendar} (${exists.name})`);
  await db.insertInto('sla_holidays').values({ calendar_id: row.id, date, name: name.trim() }).execute();
}

export async function removeHoliday(db: Executor, calendar: string, date: string): Promise<void> {
  const row = await calendarRow(db, calendar);
  const result = await db.deleteFrom('sla_holidays').where('calendar_id', '=', row.id).where('date', '=', date).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) fail(EXIT.notFound, `${date} is not a holiday in ${calendar}`);
}
