/**
 * A real Dovecot on loopback (DESIGN.md, Mail): run as root with a throwaway dovecot.conf in a temp
 * folder (listen 127.0.0.1 on a free port, maildir in the folder, a static password). Started when
 * it greets on its port; stopped with SIGTERM, then SIGKILL if it lingers, and its folder removed.
 * No vitest here: the tests (./imap.ts) and the bench (bench/scenarios/mail-fetch.ts) both use it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

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

const nobody = () => {
  const id = (flag: string) => Number(spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
};

function config(dir: string, port: number, password: string): string {
  return `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_login_user = nobody
default_internal_user = nobody
first_valid_uid = 1
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = static
  args = password=${password}
}
userdb {
  driver = static
  args = uid=nobody gid=${nobody().gid} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
`;
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

export async function startDovecot(options: { user?: string; password?: string } = {}): Promise<Dovecot> {
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
  for (let tries = 1; ; tries++) {
    port = await freePort();
    writeFileSync(join(dir, 'dovecot.conf'), config(dir, port, password));
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
    const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, doSTARTTLS: false, auth: { user, pass: password }, logger: false });
    c.on('error', () => undefined);
    await c.connect();
    clients.push(c);
    return c;
  };
  const dovecot: Dovecot = {
    port,
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
