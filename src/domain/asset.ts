/** The asset vocabulary as data, and the checks every write path (flags, CSV, console) shares. Pure. */
import { InputError, checkText } from './text-rules.js';

export const ASSET_TYPES = ['laptop', 'desktop', 'monitor', 'printer', 'phone', 'licence', 'other'] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

/** Stored with underscores (`in_stock`); shown and typed with spaces or hyphens too. */
export const ASSET_STATUSES = ['in_stock', 'deployed', 'in_repair', 'retired'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

/** How a remote session reaches it (later: `asset connect`). */
export const PROTOCOLS = ['ssh', 'rdp', 'vnc'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

/** Words typed for a type or status that mean one of ours. */
const TYPE_ALIASES: Record<string, AssetType> = { license: 'licence', notebook: 'laptop', workstation: 'desktop', pc: 'desktop' };

/** `LT-0042`, `PR-7`, `lic-office-12`: letters, digits, `-`, `_`, `.`; starts with a letter or digit. */
const TAG = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const HOSTNAME = /^[A-Za-z0-9]([A-Za-z0-9.-]{0,252}[A-Za-z0-9])?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Every field an asset can be given; all text as typed (validated by checkAsset). */
export interface AssetFields {
  tag?: string;
  type?: string;
  model?: string;
  serial?: string | null;
  location?: string | null;
  hostname?: string | null;
  protocol?: string | null;
  status?: string;
  purchased?: string | null;
  warranty?: string | null;
  notes?: string;
}

/** The same fields, checked: the enums as ours, dates as UTC midnights, empty text as null. */
export interface AssetValues {
  tag?: string;
  type?: AssetType;
  model?: string;
  serial?: string | null;
  location?: string | null;
  hostname?: string | null;
  protocol?: Protocol | null;
  status?: AssetStatus;
  purchased_at?: number | null;
  warranty_until?: number | null;
  notes?: string;
}

const norm = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

export function assetType(text: string, field = 'type'): AssetType {
  const v = norm(text);
  const found = (ASSET_TYPES as readonly string[]).includes(v) ? (v as AssetType) : TYPE_ALIASES[v];
  return found ?? badValue(field, text, ASSET_TYPES);
}

export function assetStatus(text: string, field = 'status'): AssetStatus {
  const v = norm(text);
  return (ASSET_STATUSES as readonly string[]).includes(v) ? (v as AssetStatus) : badValue(field, text, ASSET_STATUSES.map(statusLabel));
}

export const statusLabel = (status: string) => status.replace(/_/g, ' ');

function badValue(field: string, text: string, allowed: readonly string[]): never {
  throw new InputError(field, `'${text}' is not one of ${allowed.join(', ')}`);
}

/** `2025-03-14` → that day's UTC midnight; '' → null. */
export function parseDay(text: string | null | undefined, field: string): number | null {
  const t = (text ?? '').trim();
  if (!t) return null;
  const m = DATE.exec(t);
  const at = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || new Date(at).getUTCDate() !== Number(m[3])) throw new InputError(field, `'${t}' is not a date (YYYY-MM-DD)`);
  return at;
}

export const formatDay = (at: number | null) => (at === null ? '' : new Date(at).toISOString().slice(0, 10));

function line(field: string, value: string | null | undefined): string | null {
  const v = checkText(field, value, 'line')?.trim();
  return v ? v : null;
}

/** Checks what is given (fields left undefined stay undefined); throws InputError naming the field. */
export function checkAsset(f: AssetFields): AssetValues {
  const v: AssetValues = {};
  if (f.tag !== undefined) {
    const tag = f.tag.trim();
    if (!TAG.test(tag)) throw new InputError('tag', `'${f.tag}' is not an asset tag (letters, digits, - _ . ; up to 40)`);
    v.tag = tag.toUpperCase();
  }
  if (f.type !== undefined) v.type = assetType(f.type);
  if (f.model !== undefined) v.model = line('model', f.model) ?? '';
  if (f.serial !== undefined) v.serial = line('serial', f.serial);
  if (f.location !== undefined) v.location = line('location', f.location);
  if (f.hostname !== undefined) {
    const host = line('hostname', f.hostname);
    if (host !== null && !HOSTNAME.test(host)) throw new InputError('hostname', `'${host}' is not a host name`);
    v.hostname = host?.toLowerCase() ?? null;
  }
  if (f.protocol !== undefined) {
    const p = line('protocol', f.protocol)?.toLowerCase() ?? null;
    if (p !== null && !(PROTOCOLS as readonly string[]).includes(p)) badValue('protocol', p, PROTOCOLS);
    v.protocol = p as Protocol | null;
  }
  if (f.status !== undefined) v.status = assetStatus(f.status);
  if (f.purchased !== undefined) v.purchased_at = parseDay(f.purchased, 'purchased');
  if (f.warranty !== undefined) v.warranty_until = parseDay(f.warranty, 'warranty');
  if (f.notes !== undefined) v.notes = checkText('notes', f.notes, 'text').trim();
  return v;
}
