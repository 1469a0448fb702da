/**
 * Mail no person wrote, told apart by its headers, as data: auto-replies (RFC 3834 Auto-Submitted,
 * the de-facto X-Autoreply family), bulk and list mail (Precedence), and bounces (RFC 3464
 * delivery-status reports, mailer-daemon senders). Such mail never opens a ticket.
 */
export type Automatic = 'auto-reply' | 'bulk' | 'bounce';

interface HeaderRule {
  header: string;
  /** The kind when the header's value (lower case, trimmed) matches. */
  when: (value: string) => boolean;
  kind: Automatic;
}

export const AUTOMATIC_HEADERS: readonly HeaderRule[] = [
  { header: 'auto-submitted', when: (v) => v !== '' && v !== 'no', kind: 'auto-reply' },
  { header: 'x-autoreply', when: (v) => v !== '' && v !== 'no', kind: 'auto-reply' },
  { header: 'x-autorespond', when: (v) => v !== '', kind: 'auto-reply' },
  { header: 'x-auto-reply', when: (v) => v !== '' && v !== 'no', kind: 'auto-reply' },
  { header: 'precedence', when: (v) => ['bulk', 'junk', 'list', 'auto_reply'].includes(v), kind: 'bulk' },
  { header: 'x-failed-recipients', when: (v) => v !== '', kind: 'bounce' },
];

/** Senders that only ever send bounces. */
const BOUNCE_SENDERS = /^(mailer-daemon|postmaster|mail-daemon)@/i;

/** What a header value of mailparser's is, as text: strings as they are, structured values by their `value` / `text`. */
export function headerText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(headerText).join(', ');
  if (value && typeof value === 'object') {
    const v = value as { value?: unknown; text?: unknown };
    return typeof v.text === 'string' ? v.text : headerText(v.value);
  }
  return value === undefined || value === null ? '' : String(value);
}

export interface AutomaticSigns {
  headers: ReadonlyMap<string, unknown>;
  from: string | null;
  /** Content types of the message's parts (multipart/report, message/delivery-status…). */
  partTypes: readonly string[];
}

export function automaticKind(signs: AutomaticSigns): Automatic | null {
  const type = signs.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  const report = type?.value?.toLowerCase() === 'multipart/report' && type.params?.['report-type']?.toLowerCase() === 'delivery-status';
  if (report || signs.partTypes.some((t) => t.toLowerCase() === 'message/delivery-status')) return 'bounce';
  if (signs.from && BOUNCE_SENDERS.test(signs.from)) return 'bounce';
  for (const rule of AUTOMATIC_HEADERS) {
    const value = headerText(signs.headers.get(rule.header)).trim().toLowerCase();
    if (signs.headers.has(rule.header) && rule.when(value)) return rule.kind;
  }
  return null;
}
