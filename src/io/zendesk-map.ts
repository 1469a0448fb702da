/** Zendesk's vocabulary as Deskline's, as data (the Zendesk Support API v2 ticket, comment and user objects). */
import type { Channel, Priority, Status } from '../domain/ticket.js';

export const ZENDESK_STATUS: Readonly<Record<string, Status>> = {
  new: 'new',
  open: 'open',
  pending: 'pending',
  hold: 'on_hold',
  solved: 'resolved',
  closed: 'closed',
};

export const ZENDESK_PRIORITY: Readonly<Record<string, Priority>> = {
  urgent: 'urgent',
  high: 'high',
  normal: 'normal',
  low: 'low',
};

/** `via.channel` of a ticket; anything else is `web`. */
export const ZENDESK_CHANNEL: Readonly<Record<string, Channel>> = {
  email: 'email',
  web: 'web',
  web_form: 'web',
  web_widget: 'web',
  mobile: 'web',
  mobile_sdk: 'web',
  api: 'web',
  help_center: 'web',
  chat: 'chat',
  native_messaging: 'chat',
  messaging: 'chat',
  voice: 'phone',
  phone: 'phone',
};

/** User roles that work the desk (their comments are a technician's replies and notes). */
export const ZENDESK_AGENT_ROLES: ReadonlySet<string> = new Set(['agent', 'admin']);

/** A custom field's value: a tag when it is one word (drop-downs, as Zendesk itself tags them), else a line of text. */
export function customFieldValue(id: unknown, value: unknown): { tag: string } | { line: string } | null {
  if (value === null || value === undefined || value === false || value === '') return null;
  if (value === true) return { tag: `field-${String(id)}` };
  if (typeof value === 'string' && /^[a-z0-9][a-z0-9_.+-]{0,39}$/i.test(value)) return { tag: value.toLowerCase() };
  const text = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  return { line: `field ${String(id)}: ${text.replace(/\s+/g, ' ').trim()}` };
}
