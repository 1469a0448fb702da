/**
 * A real Dovecot on loopback (DESIGN.md, Mail): run as root with a throwaway dovecot.conf in a temp
 * folder (listen 127.0.0.1 on a free port, maildir in the folder, a static password). Started when
 * it greets on its port; stopped with SIGTERM, then SIGKILL if it lingers, and its folder removed.
 * No vitest here: the tests (./imap.ts) and the bench (bench/scenarios/mail-fetch.ts) both use it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { config, nobody, type TlsFiles } from './dovecot-config.js';

export type { TlsFiles } from './dovecot-config.js';

/** A loopback port nobody listens on (bound, then closed). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

export const DOVECOT = '/usr/sbin/dovecot';
export const haveDovecot = existsSync(DOVECOT) && process.getuid?.() === 0;

export interface Dovecot {
  port: number;
  /** The implicit-TLS (imaps) port, when started with `tls`; 0 otherwise. */
  tlsPort: number;
  user: string;
  password: string;
  /** A logged-in imapflow client (logged out after the test). */
  client(): Promise<ImapFlow>;
  /** Appends raw messages to a folder (created when missing). */
  append(folder: string, ...messages: string[]): Promise<void>;
  /** The UIDs in a folder, with whether each is \Seen. */
  list(folder: string): Promise<{ uid: number; seen: boolean; messageId: string }[]>;
  /** Logs its clients out, stops the server (SIGTERM, SIGKILL after 5 s) and removes its folder. */
  stop(): Promise<void>;
}

/** Resolves once the server greets on `port`; rejects when it exits first or 15 s pass. */
async function greeted(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`dovecot exited: ${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('data', (d) => {
        socket.destroy();
        resolve(d.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`dovecot did not listen on ${port}: ${log()}`);
    await new Promise((r) => setTimeout(r, 25)); // the server's start-up, not a test's wait
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await gone;
  clearTimeout(killer);
}

export async function startDovecot(options: { user?: string; password?: string; tls?: TlsFiles } = {}): Promise<Dovecot> {
  const user = options.user ?? 'help@example.com';
  const password = options.password ?? 'imap-s3cret-pw';
  const dir = mkdtempSync(join(tmpdir(), 'deskline-imap-'));
  chmodSync(dir, 0o755);
  for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub));
  const { uid, gid } = nobody();
  chownSync(join(dir, 'mail'), uid, gid);
  const log = () =>
    existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8').trim().split('\n').slice(-3).join(' | ') : '';
  let child: ChildProcess | null = null;
  let port = 0;
  let tlsPort = 0;
  for (let tries = 1; ; tries++) {
    port = await freePort();
    tlsPort = options.tls ? await freePort() : 0;
    writeFileSync(join(dir, 'dovecot.conf'), config(dir, port, password, options.tls, tlsPort));
    child = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
    const onExit = () => child?.kill('SIGKILL');
    process.once('exit', onExit);
    child.once('exit', () => process.off('exit', onExit));
    try {
      await greeted(port, child, log);
      break;
    } catch (error) {
      await stopProcess(child);
      if (tries >= 3) {
        rmSync(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  const server = child;
  const clients: ImapFlow[] = [];
  const client = async () => {
    const tls = { doSTARTTLS: true, tls: { rejectUnauthorized: false } }; // the harness's own client trusts its server
    const c = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      doSTARTTLS: false,
      ...(options.tls ? tls : {}),
      auth: { user, pass: password },
      logger: false,
    });
    c.on('error', () => undefined);
    await c.connect();
    clients.push(c);
    return c;
  };
  const dovecot: Dovecot = {
    port,
    tlsPort,
    user,
    password,
    client,
    append: async (folder, ...messages) => {
      const c = await client();
      if (folder !== 'INBOX') await c.mailboxCreate(folder);
      for (const m of messages) await c.append(folder, m);
    },
    list: async (folder) => {
      const c = await client();
      await c.mailboxOpen(folder);
      const rows: { uid: number; seen: boolean; messageId: string }[] = [];
      if (c.mailbox && c.mailbox.exists > 0)
        for await (const m of c.fetch('1:*', { uid: true, flags: true, envelope: true }))
          rows.push({ uid: m.uid, seen: m.flags?.has('\\Seen') ?? false, messageId: m.envelope?.messageId ?? '' });
      return rows;
    },
    stop: async () => {
      while (clients.length)
        await clients
          .pop()!
          .logout()
          .catch(() => undefined);
      await stopProcess(server);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return dovecot;
}
