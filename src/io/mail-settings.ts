/**
 * SMTP settings from the settings file, and the password from the environment or a file the settings
 * name: never from the database, never printed (redact() keeps it out of any message we repeat).
 */
import { readFileSync } from 'node:fs';
import { isMailAddress } from '../domain/mail-message.js';
import { EXIT, fail } from '../errors.js';
import type { Settings } from '../settings.js';

type Env = Record<string, string | undefined>;

export const PASSWORD_ENV = 'DESKLINE_SMTP_PASSWORD';
export const SECURITY = ['starttls', 'tls', 'none'] as const;
export type Security = (typeof SECURITY)[number];
const DEFAULT_PORT: Record<Security, number> = { starttls: 587, tls: 465, none: 25 };

export interface SmtpConfig {
  host: string;
  port: number;
  security: Security;
  user: string | null;
  /** The desk's address: every email goes From the technician's name at this address. */
  from: string;
  timeoutMs: number;
  passwordFile: string | null;
  /** A PEM file of certificates to trust besides the system's (a private CA). */
  caFile: string | null;
}

export type SmtpSettings = { configured: true; config: SmtpConfig } | { configured: false; missing: string[] };

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');

export function smtpSettings(settings: Settings): SmtpSettings {
  const host = text(settings['mail.smtp.host']);
  const from = text(settings['mail.from']);
  const missing = [...(host ? [] : ['mail.smtp.host']), ...(from ? [] : ['mail.from'])];
  if (missing.length) return { configured: false, missing };
  if (!isMailAddress(from)) fail(EXIT.invalid, `mail.from: '${from}' is not an email address`);
  const security = (text(settings['mail.smtp.security']) || 'starttls') as Security;
  if (!SECURITY.includes(security)) fail(EXIT.invalid, `mail.smtp.security: must be one of ${SECURITY.join(', ')} (got '${security}')`);
  const port = Number(text(settings['mail.smtp.port']) || DEFAULT_PORT[security]);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    fail(EXIT.invalid, `mail.smtp.port: '${settings['mail.smtp.port']}' is not a port`);
  const timeout = Number(text(settings['mail.smtp.timeout']) || 20);
  if (!(timeout > 0 && timeout <= 600)) fail(EXIT.invalid, `mail.smtp.timeout: must be 1 to 600 seconds`);
  return {
    configured: true,
    config: {
      host,
      port,
      security,
      from,
      user: text(settings['mail.smtp.user']) || null,
      timeoutMs: timeout * 1000,
      passwordFile: text(settings['mail.smtp.password_file']) || null,
      caFile: text(settings['mail.smtp.ca_file']) || null,
    },
  };
}

export function notConfigured(missing: readonly string[]): string {
  return `delivery is not configured (set ${missing.join(' and ')}: deskline config set ${missing[0]} …); messages stay queued`;
}

/** The password for `user`: $DESKLINE_SMTP_PASSWORD, else the file mail.smtp.password_file names. */
export function smtpPassword(config: SmtpConfig, env: Env): string | null {
  if (!config.user) return null;
  if (env[PASSWORD_ENV]) return env[PASSWORD_ENV]!;
  if (!config.passwordFile) fail(EXIT.delivery, `no SMTP password for ${config.user}: set ${PASSWORD_ENV} or mail.smtp.password_file`);
  try {
    return readFileSync(config.passwordFile, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    return fail(
      EXIT.delivery,
      `mail.smtp.password_file: cannot read ${config.passwordFile} (${(error as { code?: string }).code ?? 'error'})`,
    );
  }
}

/** The certificates mail.smtp.ca_file names, read when connecting. */
export function trustedCertificates(config: SmtpConfig): string | undefined {
  if (!config.caFile) return undefined;
  try {
    return readFileSync(config.caFile, 'utf8');
  } catch (error) {
    return fail(EXIT.delivery, `mail.smtp.ca_file: cannot read ${config.caFile} (${(error as { code?: string }).code ?? 'error'})`);
  }
}

/** A message with the password (if any) blotted out, for errors repeated from the server or the network. */
export function redact(message: string, password: string | null): string {
  return password && password.length >= 1 ? message.split(password).join('***') : message;
}
