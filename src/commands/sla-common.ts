/** What the `sla` commands share: the lazily loaded store modules, flag parsing, JSON shapes, the recompute after a change. */
import type { BusinessCalendar } from '../domain/sla/calendar.js';
import { parseMinutes } from '../domain/sla/policy.js';
import { EXIT, fail } from '../errors.js';
import type { Executor } from '../store/executor.js';
import type { PolicyView } from '../store/sla-config.js';
import type { RecomputeResult } from '../store/sla.js';
import type { Ctx } from './context.js';
import { thousands } from './format.js';

export const store = () => Promise.all([import('../store/sla-config.js'), import('../store/sla.js'), import('../store/sla-breaches.js')]);

export function minutes(flag: string, text: string | undefined): number | undefined {
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

export const policyJson = (p: PolicyView) => ({
  priority: p.priority,
  first_response_minutes: p.firstResponseMinutes,
  resolution_minutes: p.resolutionMinutes,
  is_24x7: p.is24x7,
  calendar: p.calendar,
});
export const calendarJson = (c: BusinessCalendar) => ({ name: c.name, tz: c.tz, week: c.week, holidays: c.holidays });
export const recomputedJson = (r: RecomputeResult) => ({ tickets: r.tickets, changed: r.changed, breaches: r.breaches });

/** Every change to targets or hours re-derives the stored due times of all tickets. */
export async function recompute(ctx: Ctx, db: Executor, quiet = false): Promise<RecomputeResult> {
  const [, { recomputeAll }] = await store();
  const r = await recomputeAll(db);
  if (!quiet) ctx.note(`recomputed due times of ${thousands(r.tickets)} tickets (${thousands(r.changed)} changed)`);
  return r;
}
