/**
 * imapflow, loaded on first use (the rest of the CLI never pays for it): a connection for intake as
 * the settings say (TLS from the start, STARTTLS required, or none), and any failure of the server or
 * the network as one line with exit 6, the password blotted out.
 */
import type { ImapFlow } from 'imapflow';
import { DesklineError, EXIT } from '../errors.js';
import { imapCertificates, type ImapConfig } from './imap-settings.js';
import { redact } from './mail-settings.js';

interface ImapFailure {
  code?: unknown;
  authenticationFailed?: unknown;
  serverResponseCode?: unknown;
  responseText?: unknown;
  message?: unknown;
}

const CODE_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  CONNECT_TIMEOUT: 'timed out connecting',
  GREETING_TIMEOUT: 'timed out waiting for the greeting',
  UPGRADE_TIMEOUT: 'timed out starting TLS',
  ETIMEOUT: 'timed out',
  NoConnection: 'connection lost',
  EConnectionClosed: 'connection closed',
  ClosedAfterConnectText: 'the server closed the connection',
  ClosedAfterConnectTLS: 'the server closed the connection',
};

const oneLine = (v: unknown) =>
  String(v ?? '')
    .replace(/\s+/g, ' ')
    .trim();

/** A server's response text as one line, without Dovecot's timing note (`(0.001 + 0.000 secs).`). */
export const serverText = (v: unknown) => oneLine(v).replace(/\s*\([\d.+ ]+secs?\)\.?$/, '');

/** `imap host:port: <what went wrong>` (no password, one line, at most 300 characters). */
export function describeImap(error: unknown, config: ImapConfig, password: string | null): string {
  const e = (error ?? {}) as ImapFailure;
  const code = oneLine(e.code);
  const server = serverText(e.responseText);
  let what: string;
  if (e.authenticationFailed || e.serverResponseCode === 'AUTHENTICATIONFAILED') what = `login refused for ${config.user}`;
  else if (CODE_WORDS[code]) what = CODE_WORDS[code]!;
  else what = server || oneLine(String(e.message ?? '').split('\n')[0]) || 'unknown error';
  if (server && !what.includes(server) && !e.authenticationFailed) what = `${what} (${server})`;
  return redact(`imap ${config.host}:${config.port}: ${what}`, password).slice(0, 300);
}

export function imapError(error: unknown, config: ImapConfig, password: string | null, before = ''): DesklineError {
  return new DesklineError(EXIT.delivery, `${before}${describeImap(error, config, password)}`);
}

/** A logged-in connection; failures are exit 6. */
export async function connectImap(config: ImapConfig, password: string): Promise<ImapFlow> {
  const { ImapFlow } = await import('imapflow');
  const ca = imapCertificates(config);
  const client = new ImapFlow({
    host: config.host,
    port: config.port,
    secure: config.security === 'tls',
    doSTARTTLS: config.security === 'starttls' ? true : config.security === 'none' ? false : undefined,
    auth: { user: config.user, pass: password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: config.timeoutMs,
    greetingTimeout: config.timeoutMs,
    socketTimeout: config.timeoutMs,
    tls: ca ? { ca: [ca] } : undefined,
  });
  // A dropped connection is also emitted; the command waiting on it fails with its own error.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw imapError(error, config, password);
  }
  return client;
}
