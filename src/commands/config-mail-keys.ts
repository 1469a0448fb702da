/** The mail settings `config set` knows: the desk's address and its SMTP server (never a password). */
import { resolve } from 'node:path';
import { isMailAddress } from '../domain/mail-message.js';
import { EXIT, fail } from '../errors.js';
import { templateProblem } from '../io/acknowledge-settings.js';
import { IMAP_PASSWORD_ENV } from '../io/imap-settings.js';
import { PASSWORD_ENV, SECURITY } from '../io/mail-settings.js';

type KeySpec = { help: string; parse(v: string): unknown };

const whole = (key: string, min: number, max: number) => (v: string) => {
  const n = Number(v.trim());
  return Number.isInteger(n) && n >= min && n <= max
    ? n
    : fail(EXIT.invalid, `${key}: '${v}' must be a whole number from ${min} to ${max}`);
};
const oneOf = (key: string, values: readonly string[]) => (v: string) =>
  values.includes(v.trim().toLowerCase())
    ? v.trim().toLowerCase()
    : fail(EXIT.invalid, `${key}: must be one of ${values.join(', ')} (got '${v}')`);
const text = (key: string) => (v: string) =>
  v.trim() && !/[\r\n]/.test(v) ? v.trim() : fail(EXIT.invalid, `${key}: '${v}' must be one non-empty line`);
const word = (key: string) => (v: string) => (/^\S+$/.test(v.trim()) ? v.trim() : fail(EXIT.invalid, `${key}: '${v}' must be one word`));

export const MAIL_KEYS: Record<string, KeySpec> = {
  'mail.from': {
    help: "the desk's email address (replies go From your name at it)",
    parse: (v) => (isMailAddress(v.trim()) ? v.trim() : fail(EXIT.invalid, `mail.from: '${v}' is not an email address`)),
  },
  'mail.smtp.host': { help: 'SMTP server for outgoing mail', parse: word('mail.smtp.host') },
  'mail.smtp.port': { help: 'its port (default 587, 465 with tls, 25 with none)', parse: whole('mail.smtp.port', 1, 65535) },
  'mail.smtp.security': { help: `${SECURITY.join(' | ')} (default starttls)`, parse: oneOf('mail.smtp.security', SECURITY) },
  'mail.smtp.user': { help: `login name; the password from $${PASSWORD_ENV} or the file below`, parse: word('mail.smtp.user') },
  'mail.smtp.password_file': { help: 'a file holding the SMTP password (keep it 0600)', parse: (v) => resolve(v.trim()) },
  'mail.smtp.ca_file': { help: 'a PEM file of certificates to trust (a private CA)', parse: (v) => resolve(v.trim()) },
  'mail.smtp.timeout': { help: 'seconds to wait for the server (default 20)', parse: whole('mail.smtp.timeout', 1, 600) },
  'mail.imap.host': { help: 'IMAP server mail fetch reads', parse: word('mail.imap.host') },
  'mail.imap.port': { help: 'its port (default 993 with tls, 143 otherwise)', parse: whole('mail.imap.port', 1, 65535) },
  'mail.imap.security': { help: `${SECURITY.join(' | ')} (default tls)`, parse: oneOf('mail.imap.security', SECURITY) },
  'mail.imap.user': { help: `login name; the password from $${IMAP_PASSWORD_ENV} or the file below`, parse: word('mail.imap.user') },
  'mail.imap.password_file': { help: 'a file holding the IMAP password (keep it 0600)', parse: (v) => resolve(v.trim()) },
  'mail.imap.ca_file': { help: 'a PEM file of certificates to trust (a private CA)', parse: (v) => resolve(v.trim()) },
  'mail.imap.folder': { help: 'the folder new mail is taken from (default INBOX)', parse: text('mail.imap.folder') },
  'mail.imap.move_to': { help: 'move taken mail to this folder (unset: flag it \\Seen and leave it)', parse: text('mail.imap.move_to') },
  'mail.imap.timeout': { help: 'seconds to wait for the server (default 30)', parse: whole('mail.imap.timeout', 1, 600) },
  'mail.imap.every': { help: 'minutes between the console’s fetches (default 5)', parse: whole('mail.imap.every', 1, 1440) },
  'mail.acknowledge': {
    help: 'text sent to whoever opens a ticket by mail (\\n for a new line; {{ticket.ref}}, {{requester.first_name}} …; unset: none)',
    parse: (v) => {
      const template = v.replace(/\\n/g, '\n').trim();
      const problem = templateProblem(template);
      return problem ? fail(EXIT.invalid, problem) : template;
    },
  },
  'mail.desk_name': { help: 'the name acknowledgements come from (default Help desk)', parse: text('mail.desk_name') },
};

/** Settings that must never be stored, with where the value belongs instead. */
export const REFUSED_KEYS: Record<string, string> = {
  'mail.smtp.password': `the SMTP password is never stored in settings: set $${PASSWORD_ENV} or mail.smtp.password_file`,
  'mail.imap.password': `the IMAP password is never stored in settings: set $${IMAP_PASSWORD_ENV} or mail.imap.password_file`,
};
