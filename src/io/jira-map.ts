/**
 * Jira's vocabulary as Deskline's, as data: status names (default, Jira Service Management and common
 * custom workflow names) and their categories, priority names of both schemes, and the CSV export's
 * date layouts. A status nobody listed becomes open and keeps its name as a tag.
 */
import type { Priority, Status } from '../domain/ticket.js';

export const JIRA_STATUS: Readonly<Record<string, Status>> = {
  new: 'new',
  backlog: 'new',
  open: 'open',
  'to do': 'open',
  'selected for development': 'open',
  reopened: 'open',
  'in progress': 'open',
  'in review': 'open',
  'work in progress': 'open',
  'waiting for support': 'open',
  escalated: 'open',
  'waiting for customer': 'pending',
  'waiting for reporter': 'pending',
  pending: 'pending',
  'on hold': 'on_hold',
  blocked: 'on_hold',
  'waiting for approval': 'on_hold',
  'waiting for third party': 'on_hold',
  resolved: 'resolved',
  done: 'resolved',
  completed: 'resolved',
  closed: 'closed',
  canceled: 'closed',
  cancelled: 'closed',
  declined: 'closed',
  "won't do": 'closed',
};

/** REST JSON gives every status a category: the fallback for names the table does not hold. */
export const JIRA_STATUS_CATEGORY: Readonly<Record<string, Status>> = { new: 'open', indeterminate: 'open', done: 'resolved' };

export const JIRA_PRIORITY: Readonly<Record<string, Priority>> = {
  highest: 'urgent',
  blocker: 'urgent',
  critical: 'urgent',
  high: 'high',
  major: 'high',
  medium: 'normal',
  normal: 'normal',
  low: 'low',
  minor: 'low',
  lowest: 'low',
  trivial: 'low',
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `21/Mar/23 10:15 AM` (Jira's default `dd/MMM/yy h:mm a`), with a four-digit year or 24-hour time too; read as UTC. */
const JIRA_DATE = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2}|\d{4})\s+(\d{1,2}):(\d\d)(?::(\d\d))?\s*([AaPp][Mm])?$/;

/** A Jira CSV time as ms since the epoch (its default layout or ISO 8601); null when empty, 'bad' when unreadable. */
export function jiraCsvTime(text: string): number | null | 'bad' {
  const value = text.trim();
  if (value === '') return null;
  const m = JIRA_DATE.exec(value);
  if (!m) {
    const iso = value.replace(' ', 'T').replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
    const ms = /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(iso) ? Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`) : NaN;
    return Number.isFinite(ms) ? ms : 'bad';
  }
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  let hour = Number(m[4]);
  const half = m[7]?.toLowerCase();
  if (month < 0 || (half && (hour < 1 || hour > 12)) || hour > 23) return 'bad';
  if (half === 'pm' && hour < 12) hour += 12;
  if (half === 'am' && hour === 12) hour = 0;
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const day = Number(m[1]);
  const ms = Date.UTC(year, month, day, hour, Number(m[5]), Number(m[6] ?? 0));
  return new Date(ms).getUTCDate() === day && Number(m[5]) < 60 ? ms : 'bad';
}
