/**
 * When a follow-up falls, from what a technician types: `thu 10:00`, `tomorrow`, `mon`, `2026-12-03 14:30`,
 * `+2d` / `3h` (from now), `10:00` (today, or tomorrow once past). Local time of the machine; a day without
 * a time means 09:00. Pure: the clock is given.
 */
import { parseDuration } from './query-literals.js';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** `thu`, `thur`, `thursday` … : three letters or more of a day's name. */
const dayNumber = (word: string) => (word.length >= 3 ? DAYS.findIndex((d) => d.startsWith(word)) : -1);
const DEFAULT_HOUR = 9;

export type FollowupParse = { ok: true; at: number } | { ok: false; error: string };

const TIME = /^(\d{1,2})(?::(\d{2}))?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayOf(word: string, now: Date): Date | null {
  const w = word.toLowerCase();
  const base = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  if (w === 'today') return base;
  if (w === 'tomorrow') return new Date(base.getFullYear(), base.getMonth(), base.getDate() + 1);
  const day = dayNumber(w);
  if (day >= 0) {
    const ahead = (day - base.getDay() + 7) % 7 || 7; // `thu` on a Thursday means next week's
    return new Date(base.getFullYear(), base.getMonth(), base.getDate() + ahead);
  }
  const m = DATE.exec(w);
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return date.getMonth() === Number(m[2]) - 1 && date.getDate() === Number(m[3]) ? date : null;
}

export function parseFollowup(text: string, now: Date): FollowupParse {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { ok: false, error: 'is empty (e.g. thu 10:00, tomorrow, +2d)' };
  if (words.length === 1) {
    const rel = parseDuration(words[0]!.replace(/^\+/, ''), false);
    if (rel !== null && rel > 0) return { ok: true, at: now.getTime() + rel };
  }
  const time = TIME.exec(words[words.length - 1]!);
  const dayWords = time ? words.slice(0, -1) : words;
  if (dayWords.length > 1) return { ok: false, error: `cannot read '${text.trim()}' (e.g. thu 10:00, tomorrow, 2026-12-03 14:30, +2d)` };
  const hour = time ? Number(time[1]) : DEFAULT_HOUR;
  const minute = time?.[2] ? Number(time[2]) : 0;
  if (hour > 23 || minute > 59) return { ok: false, error: `'${words[words.length - 1]}' is no time of day` };
  const day = dayWords.length ? dayOf(dayWords[0]!, now) : new Date(now.getFullYear(), now.getMonth(), now.getDate());
  if (!day) return { ok: false, error: `cannot read '${dayWords[0]}' as a day (e.g. thu, tomorrow, 2026-12-03)` };
  let at = new Date(day.getFullYear(), day.getMonth(), day.getDate(), hour, minute).getTime();
  if (dayWords.length === 0 && at <= now.getTime())
    at = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1, hour, minute).getTime();
  if (at <= now.getTime()) return { ok: false, error: `${new Date(at).toISOString()} has passed` };
  return { ok: true, at };
}
