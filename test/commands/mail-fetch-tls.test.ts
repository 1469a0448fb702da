/**
 * `mail fetch` over TLS against a real Dovecot with a private certificate: implicit TLS (`tls`, the
 * default) and STARTTLS, each trusting the server only through mail.imap.ca_file; an untrusted
 * certificate is one line, exit 6, nothing taken.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { haveDovecot, pointAtImap, rawMail, startDovecot } from '../helpers/imap.js';
import { dbRows, tempEnv } from '../helpers/temp.js';
import { selfSignedCert } from '../helpers/tls-cert.js';

const ana = 'Ana Silva <ana@example.com>';

async function tlsDesk() {
  const tls = selfSignedCert();
  const dovecot = await startDovecot({ tls });
  await dovecot.append('INBOX', rawMail({ from: ana, subject: 'Printer offline', id: '<p1@mail.example.com>' }));
  const env = tempEnv({ DESKLINE_IMAP_PASSWORD: dovecot.password });
  return { dovecot, env, ca: tls.cert };
}
const tickets = async (env: Record<string, string>) =>
  (await dbRows(env, 'SELECT title FROM tickets')).map((r) => (r as { title: string }).title);

describe.runIf(haveDovecot)('mail fetch over TLS', () => {
  it('implicit TLS and STARTTLS both take the mail when ca_file names the server’s certificate', async () => {
    const { dovecot, env, ca } = await tlsDesk();
    pointAtImap(env, dovecot, { security: 'tls', port: dovecot.tlsPort, ca_file: ca });
    const tls = await runCli(['mail', 'fetch', '--json'], { env });
    expect([tls.code, tls.stderr]).toEqual([0, '']);
    expect(JSON.parse(tls.stdout)).toMatchObject({ taken: 1, created: 1 });

    await dovecot.append('INBOX', rawMail({ from: ana, subject: 'VPN drops', id: '<v1@mail.example.com>' }));
    pointAtImap(env, dovecot, { security: 'starttls', ca_file: ca });
    const starttls = await runCli(['mail', 'fetch', '--json'], { env });
    expect([starttls.code, starttls.stderr]).toEqual([0, '']);
    // Another port is another mailbox key: the first message is read again and known by its Message-ID.
    expect(JSON.parse(starttls.stdout)).toMatchObject({ taken: 2, created: 1, known: 1 });
    expect(await tickets(env)).toEqual(['Printer offline', 'VPN drops']);
  });

  // Dovecot counts a loopback connection as secure, so a plain login (`none`) it would refuse elsewhere passes here: not tested.
  it('an untrusted certificate, or an unreadable ca_file: one line, exit 6, nothing taken', async () => {
    const { dovecot, env, ca } = await tlsDesk();
    for (const [security, port] of [
      ['tls', dovecot.tlsPort],
      ['starttls', dovecot.port],
    ] as const) {
      pointAtImap(env, dovecot, { security, port });
      const refused = await runCli(['mail', 'fetch'], { env });
      expect([refused.code, refused.stdout], security).toEqual([6, '']);
      expect(refused.stderr, security).toMatch(new RegExp(`^deskline: imap 127\\.0\\.0\\.1:${port}: [^\\n]*certificate[^\\n]*\\n$`));
    }
    expect(await tickets(env)).toEqual([]);
    expect((await dovecot.list('INBOX')).map((m) => m.seen)).toEqual([false]);

    pointAtImap(env, dovecot, { security: 'tls', port: dovecot.tlsPort, ca_file: `${ca}.missing` });
    const missing = await runCli(['mail', 'fetch'], { env });
    expect([missing.code, missing.stderr]).toEqual([6, `deskline: mail.imap.ca_file: cannot read ${ca}.missing (ENOENT)\n`]);
  });
});
