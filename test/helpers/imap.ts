/**
 * Dovecot for the mail fetch tests (./dovecot.ts), stopped after each test, and the raw messages and
 * settings the tests put in. Messages go in with imapflow's append, as a mail server would put them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { ImapConfig } from '../../src/io/imap-settings.js';
import { startDovecot as start, type Dovecot } from './dovecot.js';

export { DOVECOT, haveDovecot, type Dovecot } from './dovecot.js';

const running: Dovecot[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
});

export async function startDovecot(options: Parameters<typeof start>[0] = {}): Promise<Dovecot> {
  const dovecot = await start(options);
  running.push(dovecot);
  return dovecot;
}

/** The intake settings, as read, for a Dovecot on loopback with no TLS (`more` overrides). */
export const imapConfigFor = (d: Dovecot, more: Partial<ImapConfig> = {}): ImapConfig => ({
  host: '127.0.0.1',
  port: d.port,
  security: 'none',
  user: d.user,
  folder: 'INBOX',
  moveTo: null,
  timeoutMs: 5_000,
  passwordFile: null,
  caFile: null,
  everyMinutes: 5,
  ...more,
});

/** A raw message, as a mail program would send it. */
export function rawMail(m: { from: string; subject: string; id: string; body?: string; headers?: Record<string, string> }): string {
  const extra = Object.entries(m.headers ?? {}).map(([k, v]) => `${k}: ${v}\r\n`);
  return (
    `From: ${m.from}\r\nTo: help@example.com\r\nSubject: ${m.subject}\r\nMessage-ID: ${m.id}\r\n` +
    `Date: Wed, 02 Dec 2026 09:00:00 +0000\r\n${extra.join('')}Content-Type: text/plain; charset=utf-8\r\n\r\n${m.body ?? 'Hello'}\r\n`
  );
}

/** Points a test environment's settings at a Dovecot (merged into what is there, e.g. SMTP). */
export function pointAtImap(env: Record<string, string>, d: Dovecot, more: Record<string, unknown> = {}): void {
  const folder = join(env.XDG_CONFIG_HOME!, 'deskline');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const file = join(folder, 'config.json');
  const settings = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { mail?: Record<string, unknown> }) : {};
  const mail = { ...(settings.mail ?? {}) };
  mail.imap = { host: '127.0.0.1', port: d.port, security: 'none', user: d.user, timeout: 5, ...more };
  writeFileSync(file, JSON.stringify({ ...settings, mail }), { mode: 0o600 });
}

/**
 * A loopback TCP proxy in front of a server that cuts its first connection once `cutAfter` bytes have
 * come from the server (a connection lost half way); later connections pass whole.
 */
export async function cuttingProxy(target: number, cutAfter: number): Promise<{ port: number; cut(): boolean }> {
  const { createServer, connect } = await import('node:net');
  let connections = 0;
  let cut = false;
  const server = createServer((client) => {
    const first = ++connections === 1;
    const upstream = connect(target, '127.0.0.1');
    let seen = 0;
    upstream.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (first && seen > cutAfter) {
        cut = true;
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    client.on('data', (chunk: Buffer) => upstream.write(chunk));
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  proxies.push(server);
  return { port: (server.address() as { port: number }).port, cut: () => cut };
}

const proxies: { close(cb: () => void): void }[] = [];
afterEach(async () => {
  while (proxies.length) await new Promise<void>((r) => proxies.pop()!.close(() => r()));
});
