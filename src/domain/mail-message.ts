/**
 * What an outgoing email says, fixed when it is queued: the address check, the subject, a new
 * Message-ID and the threading headers. Pure: the store calls it inside the writing transaction.
 */
import { sanitizeLine } from './sanitize.js';

/** A plain address: local@domain.tld, no spaces, angle brackets or list separators. */
const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isMailAddress(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.length <= 254 && ADDRESS.test(value);
}

/** `[HD-123] Printer offline`: one line, the ref first so a reply finds its ticket again. */
export function replySubject(ref: string, title: string): string {
  const clean = sanitizeLine(title).replace(/\s+/g, ' ').trim();
  return `[${ref}] ${clean}`.slice(0, 200).trimEnd();
}

/** The right side of our Message-IDs: the technician's mail domain, or a name that is no one's. */
export function messageIdDomain(email: string | null | undefined): string {
  const domain = isMailAddress(email) ? email.split('@')[1]!.toLowerCase() : '';
  return domain && domain !== 'localhost' ? domain : 'deskline.invalid';
}

/** `<hd-123.456.9f2c41d0@example.com>`: the ticket, the entry and a random part (unique per message). */
export function newMessageId(ref: string, entryId: number | string, random: string, domain: string): string {
  return `<${ref.toLowerCase()}.${entryId}.${random}@${domain}>`;
}

/** How many earlier Message-IDs a References header keeps (the first and the latest ones). */
const MAX_REFERENCES = 20;

/**
 * Threading from the ticket's earlier messages, oldest first: In-Reply-To is the latest,
 * References the chain (the first kept when it is long, as RFC 5322 suggests).
 */
export function threadHeaders(earlier: readonly string[]): { inReplyTo: string | null; references: string | null } {
  const ids = [...new Set(earlier.filter((id) => /^<[^<>\s]+>$/.test(id)))];
  if (ids.length === 0) return { inReplyTo: null, references: null };
  const kept = ids.length > MAX_REFERENCES ? [ids[0]!, ...ids.slice(-(MAX_REFERENCES - 1))] : ids;
  return { inReplyTo: ids[ids.length - 1]!, references: kept.join(' ') };
}
