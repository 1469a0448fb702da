/** The ticket vocabulary as data: every enum, rank and transition lives here. */

export const STATUSES = ['new', 'open', 'pending', 'on_hold', 'resolved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses a technician still has to act on (the queue). */
export const OPEN_STATUSES: readonly Status[] = ['new', 'open', 'pending', 'on_hold'];

/** Allowed status changes, held as data. `reopen` is resolved/closed → open. */
export const TRANSITIONS: Readonly<Record<Status, readonly Status[]>> = {
  new: ['open', 'pending', 'on_hold', 'resolved', 'closed'],
  open: ['pending', 'on_hold', 'resolved', 'closed'],
  pending: ['open', 'on_hold', 'resolved', 'closed'],
  on_hold: ['open', 'pending', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

export function canTransition(from: Status, to: Status): boolean {
  return TRANSITIONS[from].includes(to);
}

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** P1..P4: the rank is what the queue sorts and indexes on. */
export const PRIORITY_RANK: Readonly<Record<Priority, number>> = { urgent: 1, high: 2, normal: 3, low: 4 };

export const DEFAULT_CATEGORIES = ['hardware', 'software', 'network', 'account', 'access', 'email', 'printer', 'other'] as const;

export const CHANNELS = ['phone', 'email', 'chat', 'walk_in', 'web', 'cli', 'monitoring'] as const;
export type Channel = (typeof CHANNELS)[number];

export const TIERS = ['L1', 'L2', 'L3'] as const;
export type Tier = (typeof TIERS)[number];

export const INTERACTION_KINDS = ['reply', 'note', 'call', 'chat', 'email_in', 'email_out', 'remote', 'system'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** Interaction kinds the requester can see; the first of these stops the first-response clock. */
export const PUBLIC_KINDS: readonly InteractionKind[] = ['reply', 'call', 'chat', 'email_out'];

export const REF_PREFIX = 'HD-';

/**
 * A ticket made on an offline replica has a negative id until sync gives it the server's number:
 * -(device × 10⁶ + n), shown `HD-~a3f0-7` (the device's four hex digits, its n-th offline ticket).
 */
export const PROVISIONAL_SPAN = 1_000_000;

export function formatRef(id: number): string {
  if (id >= 0) return `${REF_PREFIX}${id}`;
  const device = Math.floor(-id / PROVISIONAL_SPAN);
  return `${REF_PREFIX}~${device.toString(16).padStart(4, '0')}-${-id % PROVISIONAL_SPAN}`;
}

/** Parses `HD-12`, `hd-12`, `12` or a provisional `HD-~a3f0-7`; returns null for anything else. */
export function parseRef(text: string): number | null {
  const p = /^(?:hd-)?~([0-9a-f]{4})-(\d{1,6})$/i.exec(text.trim());
  if (p) return Number(p[2]) > 0 ? -(parseInt(p[1]!, 16) * PROVISIONAL_SPAN + Number(p[2])) : null;
  const m = /^(?:hd-)?(\d{1,15})$/i.exec(text.trim());
  if (!m) return null;
  const id = Number(m[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
