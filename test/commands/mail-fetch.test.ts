/** `mail fetch` against a real Dovecot on loopback: new tickets, threading, each message once, failures in one line. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cuttingProxy, haveDovecot, pointAtImap, rawMail, startDovecot } from '../helpers/imap.js';
import { closedPort } from '../helpers/smtp.js';
import { dbRows, tempEnv } from '../helpers/temp.js';

const ana = 'Ana Silva <ana@example.com>';
const fetch = async (env: Record<string, string>) => {
  const r = await runCli(['mail', 'fetch', '--json'], { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
};

describe.runIf(haveDovecot)('mail fetch', () => {
  it('turns new messages into tickets, threads a reply, takes nothing twice, and flags what it took', async () => {
    const dovecot = await startDovecot();
    const env = tempEnv({ DESKLINE_IMAP_PASSWORD: dovecot.password });
    pointAtImap(env, dovecot);
    await dovecot.append(
      'INBOX',
      rawMail({ from: ana, subject: 'Printer offline', id: '<p1@mail.example.com>', body: 'The 3rd floor printer is offline.' }),
      rawMail({ from: 'Bo Li <bo@example.com>', subject: 'VPN drops', id: '<v1@mail.example.com>' }),
    );

    const first = await fetch(env);
    expect(first).toMatchObject({ folder: 'INBOX', taken: 2, created: 2, replied: 0, known: 0, renumberedFrom: null });
    expect(await dbRows(env, 'SELECT id, title, channel, external_id FROM tickets ORDER BY id')).toEqual([
      { id: 1, title: 'Printer offline', channel: 'email', external_id: '<p1@mail.example.com>' },
      { id: 2, title: 'VPN drops', channel: 'email', external_id: '<v1@mail.example.com>' },
    ]);
    expect((await dovecot.list('INBOX')).map((m) => m.seen)).toEqual([true, true]);

    expect(await fetch(env)).toMatchObject({ taken: 0, created: 0 });

    await dovecot.append(
      'INBOX',
      rawMail({
        from: ana,
        subject: 'Re: Printer offline',
        id: '<p2@mail.example.com>',
        body: 'Still offline',
        headers: { 'In-Reply-To': '<p1@mail.example.com>' },
      }),
      rawMail({
        from: 'Mail Delivery System <mailer-daemon@example.com>',
        subject: 'Undelivered Mail Returned to Sender',
        id: '<b1@mail.example.com>',
        headers: { 'Auto-Submitted': 'auto-replied' },
      }),
    );
    const text = await runCli(['mail', 'fetch'], { env });
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout).toBe('INBOX: 2 messages taken: 0 new tickets, 1 reply, 1 automatic mail left out\ntaken messages flagged \\Seen\n');
    expect(await dbRows(env, "SELECT ticket_id, kind, body FROM interactions WHERE kind = 'email_in'")).toEqual([
      { ticket_id: 1, kind: 'email_in', body: 'Still offline' },
    ]);
    expect(await dbRows(env, 'SELECT count(*) AS n FROM tickets')).toEqual([{ n: 2 }]);
    expect(await fetch(env)).toMatchObject({ taken: 0 });
    expect(await dbRows(env, 'SELECT mailbox, last_uid FROM mail_cursors')).toEqual([
      { mailbox: `${dovecot.user}@127.0.0.1:${dovecot.port}/INBOX`, last_uid: 4 },
    ]);
  });

  it('moves taken mail to mail.imap.move_to when set', async () => {
    const dovecot = await startDovecot();
    const env = tempEnv({ DESKLINE_IMAP_PASSWORD: dovecot.password });
    pointAtImap(env, dovecot, { move_to: 'Taken' });
    await dovecot.append('INBOX', rawMail({ from: ana, subject: 'Monitor flickers', id: '<m1@mail.example.com>' }));
    expect(await fetch(env)).toMatchObject({ taken: 1, created: 1, after: 'Taken' });
    expect(await dovecot.list('INBOX')).toEqual([]);
    expect((await dovecot.list('Taken')).map((m) => m.messageId)).toEqual(['<m1@mail.example.com>']);
  });

  it('says when the server renumbered the folder (UIDVALIDITY) and reads it again without adding anything twice', async () => {
    const dovecot = await startDovecot();
    const env = tempEnv({ DESKLINE_IMAP_PASSWORD: dovecot.password });
    pointAtImap(env, dovecot, { folder: 'Helpdesk' });
    const one = rawMail({ from: ana, subject: 'Keyboard', id: '<k1@mail.example.com>' });
    await dovecot.append('Helpdesk', one);
    const before = await fetch(env);
    expect(before).toMatchObject({ taken: 1, created: 1 });

    const c = await dovecot.client();
    await c.mailboxDelete('Helpdesk');
    await dovecot.append('Helpdesk', one, rawMail({ from: ana, subject: 'Mouse', id: '<k2@mail.example.com>' }));
    const r = await runCli(['mail', 'fetch'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `^Helpdesk was renumbered by the server \\(UIDVALIDITY ${before.uidValidity} → \\d+\\): read again from the start; mail already on the desk is skipped\\nHelpdesk: 2 messages taken: 1 new ticket, 0 replies, 1 already on the desk\\n`,
      ),
    );
    expect(await dbRows(env, 'SELECT title FROM tickets ORDER BY id')).toEqual([{ title: 'Keyboard' }, { title: 'Mouse' }]);
    expect(await fetch(env)).toMatchObject({ taken: 0, renumberedFrom: null });
  });

  it('two fetches at once take each message once', async () => {
    const dovecot = await startDovecot();
    const env = tempEnv({ DESKLINE_IMAP_PASSWORD: dovecot.password });
    pointAtImap(env, dovecot);
    const messages = Array.from({ length: 30 }, (_, i) =>
      rawMail({ from: ana, subject: `Request ${i + 1}`, id: `<r${i + 1}@mail.example.com>` }),
    );
    await dovecot.append('INBOX', ...messages);
    await runCli(['db', 'check'], { env }); // create the desk first: both runs open an existing file
    const [a, b] = await Promise.all([fetch(env), fetch(env)]);
    expect((a.created as number) + (b.created as number)).toBe(30);
    expect(await dbRows(env, 'SELECT count(*) AS n, count(DISTINCT external_id) AS d FROM tickets')).toEqual([{ n: 30, d: 30 }]);
    expect(await fetch(env)).toMatchObject({ taken: 0 });
  });

  it('a wrong password, a server that is down and missing settings are one line each; the password is never shown', async () => {
    const dovecot = await startDovecot();
    const env = tempEnv({ DESKLINE_IMAP_PASSWORD: 'not-the-password-42' });
    await dovecot.append('INBOX', rawMail({ from: ana, subject: 'Printer offline', id: '<p1@mail.example.com>' }));

    expect(await runCli(['mail', 'fetch'], { env })).toMatchObject({
      code: 4,
      stdout: '',
      stderr: 'deskline: mail intake is not configured (set mail.imap.host and mail.imap.user: deskline config set mail.imap.host …)\n',
    });
    pointAtImap(env, dovecot);
    const refused = await runCli(['mail', 'fetch', '--json'], { env });
    expect(refused).toMatchObject({ code: 6, stdout: '' });
    expect(refused.stderr).toBe(`deskline: imap 127.0.0.1:${dovecot.port}: login refused for ${dovecot.user}\n`);
    expect(refused.stderr).not.toContain('not-the-password-42');

    const down = await closedPort();
    pointAtImap(env, dovecot, { port: down });
    const r = await runCli(['mail', 'fetch'], { env });
    expect(r).toMatchObject({ code: 6, stdout: '', stderr: `deskline: imap 127.0.0.1:${down}: connection refused\n` });

    pointAtImap(env, dovecot, { folder: 'Nowhere' });
    const right = { ...env, DESKLINE_IMAP_PASSWORD: dovecot.password };
    expect(await runCli(['mail', 'fetch'], { env: right })).toMatchObject({
      code: 6,
      stderr: `deskline: imap 127.0.0.1:${dovecot.port}: cannot open folder 'Nowhere': Mailbox doesn't exist: Nowhere\n`,
    });
    pointAtImap(env, dovecot, { security: 'ssl' });
    expect(await runCli(['mail', 'fetch'], { env: right })).toMatchObject({
      code: 4,
      stderr: "deskline: mail.imap.security: must be one of starttls, tls, none (got 'ssl')\n",
    });
    expect(await runCli(['config', 'set', 'mail.imap.password', 'x'], { env })).toMatchObject({ code: 4 });
    expect(await dbRows(env, 'SELECT count(*) AS n FROM tickets')).toEqual([{ n: 0 }]);

    pointAtImap(env, dovecot);
    const ok = await runCli(['mail', 'fetch', '--json'], { env: right });
    expect(ok.code).toBe(0);
    expect(ok.stdout + ok.stderr).not.toContain(dovecot.password);
  });

  it('a connection lost half way: exit 6 saying how many were taken; the next fetch takes the rest, nothing twice', async () => {
    const dovecot = await startDovecot();
    const body = 'The VPN drops every ten minutes since this morning. '.repeat(20);
    const messages = Array.from({ length: 250 }, (_, i) =>
      rawMail({ from: ana, subject: `Request ${i + 1}`, id: `<c${i + 1}@mail.example.com>`, body }),
    );
    await dovecot.append('INBOX', ...messages);
    // ~1.2 kB a message: the first batch of 100 arrives whole, the second is cut.
    const proxy = await cuttingProxy(dovecot.port, 180_000);
    const env = tempEnv({ DESKLINE_IMAP_PASSWORD: dovecot.password });
    pointAtImap(env, dovecot, { port: proxy.port });
    const lost = await runCli(['mail', 'fetch'], { env });
    expect(proxy.cut()).toBe(true);
    expect(lost.code).toBe(6);
    expect(lost.stderr).toMatch(new RegExp(`^deskline: 100 taken, then imap 127.0.0.1:${proxy.port}: [^\n]+\n$`));
    expect(await dbRows(env, 'SELECT count(*) AS n FROM tickets')).toEqual([{ n: 100 }]);

    expect(await fetch(env)).toMatchObject({ taken: 150, created: 150, known: 0 });
    expect(await dbRows(env, 'SELECT count(*) AS n, count(DISTINCT external_id) AS d FROM tickets')).toEqual([{ n: 250, d: 250 }]);
    expect((await dovecot.list('INBOX')).every((m) => m.seen)).toBe(true);
  });
});
