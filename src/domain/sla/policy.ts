/** SLA policy as plain data: first-response and resolution targets per priority, 24×7 or business hours. */
import { PRIORITIES, type Priority } from '../ticket.js';
import type { Parsed } from './calendar.js';

export interface SlaTarget {
  firstResponseMinutes: number;
  resolutionMinutes: number;
  /** Counted around the clock instead of in the calendar's business hours. */
  is24x7: boolean;
}

export type SlaPolicy = Readonly<Record<Priority, SlaTarget>>;

/** Urgent 1 h / 4 h around the clock; the rest in business hours. */
export const DEFAULT_POLICY: SlaPolicy = Object.freeze({
  urgent: Object.freeze({ firstResponseMinutes: 60, resolutionMinutes: 240, is24x7: true }),
  high: Object.freeze({ firstResponseMinutes: 240, resolutionMinutes: 480, is24x7: false }),
  normal: Object.freeze({ firstResponseMinutes: 480, resolutionMinutes: 1440, is24x7: false }),
  low: Object.freeze({ firstResponseMinutes: 960, resolutionMinutes: 4800, is24x7: false }),
});

/** Upper bound for a target: a year of minutes. */
const MAX_MINUTES = 366 * 24 * 60;

/** `4h`, `90m`, `1h30m` or a bare number of minutes → minutes (whole, > 0). */
export function parseMinutes(text: string): Parsed<number> {
  const t = text.trim().toLowerCase();
  const m = /^(?:(\d+)h)?\s*(?:(\d+)m?)?$/.exec(t);
  if (!t || !m || (m[1] === undefined && m[2] === undefined))
    return { ok: false, error: `'${text}' is not a duration like 4h, 90m or 1h30m` };
  const minutes = Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  if (minutes <= 0) return { ok: false, error: `'${text}' must be longer than zero` };
  if (minutes > MAX_MINUTES) return { ok: false, error: `'${text}' is longer than a year` };
  return { ok: true, value: minutes };
}

/** `4h`, `1h 30m`, `45m`. */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h && m ? `${h}h ${m}m` : h ? `${h}h` : `${m}m`;
}

export function checkTarget(priority: Priority, t: SlaTarget): Parsed<SlaTarget> {
  for (const [name, v] of [
    ['first response', t.firstResponseMinutes],
    ['resolution', t.resolutionMinutes],
  ] as const) {
    if (!Number.isInteger(v) || v <= 0 || v > MAX_MINUTES)
      return { ok: false, error: `${priority} ${name}: must be whole minutes from 1 to ${MAX_MINUTES} (got ${v})` };
  }
  if (t.firstResponseMinutes > t.resolutionMinutes) {
    return {
      ok: false,
      error: `${priority}: first response (${formatMinutes(t.firstResponseMinutes)}) is longer than resolution (${formatMinutes(t.resolutionMinutes)})`,
    };
  }
  return { ok: true, value: Object.freeze({ ...t }) };
}

/** `high: 4h / 8h business hours`. */
export function describeTarget(priority: Priority, t: SlaTarget): string {
  return `${priority}: first response ${formatMinutes(t.firstResponseMinutes)}, resolution ${formatMinutes(t.resolutionMinutes)}, ${t.is24x7 ? '24×7' : 'business hours'}`;
}

export function policyFrom(rows: ReadonlyArray<{ priority: Priority } & SlaTarget>, base: SlaPolicy = DEFAULT_POLICY): SlaPolicy {
  const out = { ...base } as Record<Priority, SlaTarget>;
  for (const r of rows) {
    if (PRIORITIES.includes(r.priority))
      out[r.priority] = { firstResponseMinutes: r.firstResponseMinutes, resolutionMinutes: r.resolutionMinutes, is24x7: r.is24x7 };
  }
  return Object.freeze(out);
}
