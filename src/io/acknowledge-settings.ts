/**
 * The acknowledgement of new tickets from mail, from settings: `mail.acknowledge` (the text, with
 * placeholders; unset: off), `mail.desk_name` (who it comes from; default "Help desk"). It leaves
 * through the outbox, from mail.from, so it needs that address. Wrong settings are exit 4.
 */
import { ACK_PLACEHOLDERS } from '../domain/acknowledgement.js';
import { isMailAddress } from '../domain/mail-message.js';
import { unknownPlaceholder } from '../domain/placeholders.js';
import { EXIT, fail } from '../errors.js';
import type { Settings } from '../settings.js';
import type { AcknowledgeOptions } from '../store/mail-acknowledge.js';

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** A placeholder the template may not use, as the one-line complaint; null when it is fine. */
export function templateProblem(template: string): string | null {
  const bad = unknownPlaceholder(template, ACK_PLACEHOLDERS);
  return bad === null ? null : `mail.acknowledge: unknown placeholder {{${bad}}} (known: ${ACK_PLACEHOLDERS.join(', ')})`;
}

export function acknowledgeSettings(settings: Settings): AcknowledgeOptions | null {
  const template = text(settings['mail.acknowledge']);
  if (!template) return null;
  const problem = templateProblem(template);
  if (problem) fail(EXIT.invalid, problem);
  const from = text(settings['mail.from']);
  if (!isMailAddress(from)) fail(EXIT.invalid, 'mail.acknowledge: set mail.from, the address acknowledgements are sent from');
  const user = text(settings['mail.imap.user']);
  return {
    template,
    fromName: text(settings['mail.desk_name']) || 'Help desk',
    deskAddresses: [from, ...(isMailAddress(user) ? [user] : [])],
  };
}
