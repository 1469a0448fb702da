/**
 * Real SMTP servers on loopback for the outbox tests: smtp-server accepting (or refusing) mail and
 * keeping what arrived, parsed by mailparser; a plain TCP server that drops the connection; a port
 * nobody listens on. Each is closed after the test.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach } from 'vitest';

const open: { close(cb: () => void): void }[] = [];
afterEach(async () => {
  while (open.length) await new Promise<void>((r) => open.pop()!.close(() => r()));
});

export interface Received {
  envelope: { from: string; to: string[] };
  /** The session was encrypted (TLS from the start, or after STARTTLS). */
  secure: boolean;
  raw: string;
  mail: ParsedMail;
}

export type Behaviour =
  | 'accept'
  /** 451 to MAIL FROM: come back later. */
  | 'busy'
  /** 550 to RCPT TO: no such mailbox. */
  | 'no-mailbox'
  /** reads DATA and never answers (the client times out). */
  | 'hang';

export interface SmtpServer {
  port: number;
  received: Received[];
  behaviour: Behaviour;
  /** Resolves when `n` messages have arrived in all. */
  arrived(n: number): Promise<void>;
}

const smtpError = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });

export async function startSmtp(behaviour: Behaviour = 'accept', extra: Partial<SMTPServerOptions> = {}): Promise<SmtpServer> {
  const waiters: { n: number; resolve(): void }[] = [];
  const state: SmtpServer = {
    port: 0,
    received: [],
    behaviour,
    arrived: (n) => (state.received.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom: (_a, _s, cb) => (state.behaviour === 'busy' ? cb(smtpError(451, 'try again later')) : cb()),
    onRcptTo: (a, _s, cb) => (state.behaviour === 'no-mailbox' ? cb(smtpError(550, `no such user ${a.address}`)) : cb()),
    onData: (stream, session, cb) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.behaviour === 'hang') return; // never answers
        const raw = Buffer.concat(chunks).toString('utf8');
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        cb();
        void simpleParser(raw).then((mail) => {
          state.received.push({ envelope, secure: session.secure, raw, mail });
          for (const w of waiters.filter((w) => state.received.length >= w.n)) w.resolve();
        });
      });
    },
    ...extra,
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  state.port = (server.server.address() as AddressInfo).port;
  open.push({ close: (cb) => server.close(cb) });
  return state;
}

/** Greets like a server, then drops the connection at the client's first command. */
export async function startDropper(): Promise<number> {
  const server: Server = createServer((socket) => {
    socket.write('220 loopback ESMTP\r\n');
    socket.once('data', () => socket.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  open.push({ close: (cb) => server.close(() => cb()) });
  return (server.address() as AddressInfo).port;
}

/** A loopback port nobody listens on (bound, then closed). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** A self-signed certificate for 127.0.0.1 and localhost (openssl), its PEM files in `dir`. */
export function selfSigned(dir: string): { key: string; cert: string; certFile: string } {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  const r = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '1',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ]);
  if (r.status !== 0) throw new Error(`openssl: ${r.stderr.toString()}`);
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
}

/** Points a test environment's settings at a loopback SMTP server. */
export function pointAtSmtp(env: Record<string, string>, port: number, more: Record<string, unknown> = {}): void {
  const folder = join(env.XDG_CONFIG_HOME!, 'deskline');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const settings = {
    user: { name: 'Sam Okafor', email: 'sam@example.com' },
    mail: { from: 'help@example.com', smtp: { host: '127.0.0.1', port, security: 'none', timeout: 1, ...more } },
  };
  writeFileSync(join(folder, 'config.json'), JSON.stringify(settings), { mode: 0o600 });
}
