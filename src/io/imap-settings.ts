/**
 * IMAP intake settings (`mail.imap.*`) and the password from $DESKLINE_IMAP_PASSWORD or the file
 * mail.imap.password_file names: never from the database, never printed, as for SMTP
 * (./mail-settings.ts). Wrong settings are exit 4; a password that cannot be read is exit 6.
 */
import { readFileSync } from 'node:fs';
import { EXIT, fail } from '../errors.js';
import type { Settings } from '../settings.js';
import { SECURITY, type Security } from './mail-settings.js';

type Env = Record<string, string | undefined>;

export const IMAP_PASSWORD_ENV = 'DESKLINE_IMAP_PASSWORD';
const DEFAULT_PORT: Record<Security, number> = { tls: 993, starttls: 143, none: 143 };

export interface ImapConfig {
  host: string;
  port: number;
  security: Security;
  user: string;
  folder: string;
  /** Where taken messages go; null: they stay and are flagged \Seen. */
  moveTo: string | null;
  timeoutMs: number;
  passwordFile: string | null;
  caFile: string | null;
  /** Minutes between the console's background fetches. */
  everyMinutes: number;
}

export type ImapSettings = { configured: true; config: ImapConfig } | { configured: false; missing: string[] };

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');

function whole(settings: Settings, key: string, fallback: number, min: number, max: number): number {
  const raw = text(settings[key]);
  const n = Number(raw || fallback);
  return Number.isInteger(n) && n >= min && n <= max
    ? n
    : fail(EXIT.invalid, `${key}: '${raw}' must be a whole number from ${min} to ${max}`);
}

export function imapSettings(settings: Settings): ImapSettings {
  const host = text(settings['mail.imap.host']);
  const user = text(settings['mail.imap.user']);
  const missing = [...(host ? [] : ['mail.imap.host']), ...(user ? [] : ['mail.imap.user'])];
  if (missing.length) return { configured: false, missing };
  const security = (text(settings['mail.imap.security']) || 'tls') as Security;
  if (!SECURITY.includes(security)) fail(EXIT.invalid, `mail.imap.security: must be one of ${SECURITY.join(', ')} (got '${security}')`);
  const folder = text(settings['mail.imap.folder']) || 'INBOX';
  const moveTo = text(settings['mail.imap.move_to']) || null;
  if (moveTo !== null && moveTo === folder) fail(EXIT.invalid, `mail.imap.move_to: '${moveTo}' is the folder mail is fetched from`);
  return {
    configured: true,
    config: {
      host,
      port: whole(settings, 'mail.imap.port', DEFAULT_PORT[security], 1, 65535),
      security,
      user,
      folder,
      moveTo,
      timeoutMs: whole(settings, 'mail.imap.timeout', 30, 1, 600) * 1000,
      passwordFile: text(settings['mail.imap.password_file']) || null,
      caFile: text(settings['mail.imap.ca_file']) || null,
      everyMinutes: whole(settings, 'mail.imap.every', 5, 1, 1440),
    },
  };
}

export function intakeNotConfigured(missing: readonly string[]): string {
  return `mail intake is not configured (set ${missing.join(' and ')}: deskline config set ${missing[0]} …)`;
}

/** The name a mailbox's cursor is kept under: `user@host:port/folder`. */
export function mailboxKey(config: ImapConfig): string {
  return `${config.user}@${config.host}:${config.port}/${config.folder}`;
}

const readSecret = (key: string, path: string) => {
  try {
    return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    return fail(EXIT.delivery, `${key}: cannot read ${path} (${(error as { code?: string }).code ?? 'error'})`);
  }
};

/** $DESKLINE_IMAP_PASSWORD, else the file mail.imap.password_file names. */
export function imapPassword(config: ImapConfig, env: Env): string {
  if (env[IMAP_PASSWORD_ENV]) return env[IMAP_PASSWORD_ENV]!;
  if (!config.passwordFile) fail(EXIT.delivery, `no IMAP password for ${config.user}: set ${IMAP_PASSWORD_ENV} or mail.imap.password_file`);
  return readSecret('mail.imap.password_file', config.passwordFile);
}

/** The certificates mail.imap.ca_file names (a private CA), or none. */
export function imapCertificates(config: ImapConfig): string | undefined {
  return config.caFile ? readSecret('mail.imap.ca_file', config.caFile) : undefined;
}
