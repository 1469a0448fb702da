/**
 * The acknowledgement a new ticket from mail may get (settings: mail.acknowledge, off by default):
 * its text from the template, and whether a message may have one at all. Pure.
 */
import { isMailAddress } from './mail-message.js';
import { renderPlaceholders } from './placeholders.js';

export const ACK_PLACEHOLDERS = ['ticket.ref', 'ticket.title', 'requester.name', 'requester.first_name', 'requester.email'] as const;

export interface AckValues {
  ref: string;
  title: string;
  name: string | null;
  email: string;
}

/** The template with its placeholders filled (a missing name falls back to the address). */
export function acknowledgementText(template: string, v: AckValues): string {
  const name = v.name?.trim() || v.email;
  const rendered = renderPlaceholders(template, {
    'ticket.ref': v.ref,
    'ticket.title': v.title,
    'requester.name': name,
    'requester.first_name': name.split(/\s+/)[0]!,
    'requester.email': v.email,
  });
  const text = rendered.ok ? rendered.text : template;
  return `${text.trimEnd()}\n`;
}

/**
 * Who may get one: a person's mail (never an auto-reply, bulk mail or a bounce) from a well-formed
 * address that is not one of the desk's own (a loop between two desks starts there).
 */
export function mayAcknowledge(
  mail: { automatic: string | null; from: { email: string | null } | null },
  deskAddresses: readonly string[],
): mail is { automatic: null; from: { email: string } } {
  const email = mail.from?.email?.toLowerCase() ?? null;
  return mail.automatic === null && isMailAddress(email) && !deskAddresses.some((a) => a.toLowerCase() === email);
}
