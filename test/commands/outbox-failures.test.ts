/**
 * A server that refuses, drops the connection or never answers leaves the message queued with its
 * error (exit 6, one line); the next send delivers it once, with the same Message-ID.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { closedPort, startDropper, startSmtp, pointAtSmtp } from '../helpers/smtp.js';
import { dbRows, rawDesk, tempEnv } from '../helpers/temp.js';

async function queuedReply(env: Record<string, string>) {
  await runCli(['requester', 'add', 'Ana Silva', '-e', 'ana@example.com'], { env });
  await runCli(['ticket', 'create', '-t', 'VPN drops', '-r', 'ana@example.com'], { env });
  await runCli(['ticket', 'comment', 'HD-1', '--reply', 'New profile pushed'], { env });
  return ((await dbRows(env, 'SELECT message_id FROM outbox')) as { message_id: string }[])[0]!.message_id;
}

const outboxRow = async (env: Record<string, string>) =>
  ((await dbRows(env, 'SELECT status, attempts, last_error, next_attempt_at > created_at AS later FROM outbox')) as object[])[0];

const CASES: { name: string; server: () => Promise<number>; error: RegExp }[] = [
  { name: 'refuses with 451', server: async () => (await startSmtp('busy')).port, error: /451 try again later \(after MAIL FROM\)/ },
  { name: 'drops the connection', server: startDropper, error: /connection closed unexpectedly/i },
  { name: 'never answers', server: async () => (await startSmtp('hang')).port, error: /timed out|timeout/i },
  { name: 'is not there', server: closedPort, error: /ECONNREFUSED/ },
];

describe('outbox send when the server fails', () => {
  for (const c of CASES) {
    it(`keeps the message queued with its error when the server ${c.name}, then delivers it once`, async () => {
      const env = tempEnv();
      const messageId = await queuedReply(env);
      pointAtSmtp(env, await c.server());
      const send = await runCli(['outbox', 'send'], { env });
      expect(send.code).toBe(6);
      expect(send.stderr.split('\n')).toHaveLength(2);
      expect(send.stderr).toMatch(/^deskline: HD-1 \(message 1\) to ana@example.com: .*; next try \d{4}-\d\d-\d\d \d\d:\d\d\n$/);
      expect(send.stderr).toMatch(c.error);
      expect(await outboxRow(env)).toMatchObject({ status: 'queued', attempts: 1, later: 1 });
      expect(((await outboxRow(env)) as { last_error: string }).last_error).toMatch(c.error);

      // Waiting out its retry delay: a plain send leaves it alone.
      const smtp = await startSmtp();
      pointAtSmtp(env, smtp.port);
      expect(await runCli(['outbox', 'send'], { env })).toMatchObject({ code: 0, stdout: '0 sent\n' });
      expect(await runCli(['outbox', 'send', '--all'], { env })).toMatchObject({ code: 0, stdout: '1 sent\n' });
      await smtp.arrived(1);
      expect(await runCli(['outbox', 'send', '--all'], { env })).toMatchObject({ code: 0, stdout: '0 sent\n' });
      expect(smtp.received.map((r) => r.mail.messageId)).toEqual([messageId]);
      expect(await outboxRow(env)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    });
  }

  it('gives up on a mailbox the server says does not exist (550), until outbox retry', async () => {
    const env = tempEnv();
    await queuedReply(env);
    const smtp = await startSmtp('no-mailbox');
    pointAtSmtp(env, smtp.port);
    const send = await runCli(['outbox', 'send'], { env });
    expect(send).toMatchObject({ code: 6, stdout: '0 sent, 1 not delivered\n' });
    expect(send.stderr).toMatch(
      /^deskline: HD-1 \(message 1\) to ana@example.com: recipient refused: 550 no such user ana@example.com \(after RCPT TO\); given up/,
    );
    expect(await outboxRow(env)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await runCli(['outbox', 'list'], { env })).stdout).toContain('0 waiting, 1 failed');
    smtp.behaviour = 'accept';
    expect(await runCli(['outbox', 'send', '--all'], { env })).toMatchObject({ code: 0, stdout: '0 sent\n' });
    expect((await runCli(['outbox', 'retry', '1'], { env })).stdout).toBe('1 message to send at the next outbox send\n');
    expect(await runCli(['outbox', 'send'], { env })).toMatchObject({ code: 0, stdout: '1 sent\n' });
    await smtp.arrived(1);
    expect(smtp.received).toHaveLength(1);
  });

  it('gives up on a malformed address without asking the server, and goes on with the rest', async () => {
    const env = tempEnv();
    await queuedReply(env);
    rawDesk(env, (db) => db.prepare(`UPDATE requesters SET email = 'ana at example' WHERE id = 1`).run());
    await runCli(['ticket', 'comment', 'HD-1', '--reply', 'Second try'], { env });
    const smtp = await startSmtp();
    pointAtSmtp(env, smtp.port);
    const send = await runCli(['outbox', 'send'], { env });
    expect(send).toMatchObject({ code: 6, stdout: '1 sent, 1 not delivered\n' });
    expect(send.stderr).toBe(
      "deskline: HD-1 (message 2) to ana at example: recipient address 'ana at example' is malformed; given up (outbox retry to try again)\n",
    );
    await smtp.arrived(1);
    expect(smtp.received[0]!.mail.text).toContain('New profile pushed');
  });

  it('never prints, stores or shows the SMTP password, even when the login is refused', async () => {
    const secret = 'correct-horse-battery-staple';
    const env = tempEnv({ DESKLINE_SMTP_PASSWORD: secret });
    await queuedReply(env);
    const smtp = await startSmtp('accept', {
      authOptional: false,
      allowInsecureAuth: true,
      onAuth: (auth, _s, cb) => cb(Object.assign(new Error(`bad password ${auth.password}`), { responseCode: 535 })),
    });
    pointAtSmtp(env, smtp.port, { user: 'helpdesk' });
    const send = await runCli(['outbox', 'send'], { env });
    expect(send.code).toBe(6);
    expect(send.stderr).toMatch(/login refused/);
    expect(send.stderr).not.toContain(secret);
    const everything = [
      send.stderr,
      (await runCli(['outbox', 'list', '--json'], { env })).stdout,
      (await runCli(['outbox', 'show', '1', '--json'], { env })).stdout,
      (await runCli(['config', 'list', '--json'], { env })).stdout,
      JSON.stringify(await dbRows(env, 'SELECT * FROM outbox')),
    ].join('\n');
    expect(everything).not.toContain(secret);
    expect(everything).toContain('***');
    expect(await runCli(['config', 'set', 'mail.smtp.password', secret], { env })).toMatchObject({
      code: 4,
      stderr: 'deskline: the SMTP password is never stored in settings: set $DESKLINE_SMTP_PASSWORD or mail.smtp.password_file\n',
    });
  });

  it('asks for the password only when there is mail to send, and records its absence on the message', async () => {
    const env = tempEnv();
    const smtp = await startSmtp();
    pointAtSmtp(env, smtp.port, { user: 'helpdesk' });
    expect(await runCli(['outbox', 'send'], { env })).toMatchObject({ code: 0, stdout: '0 sent\n' });
    await queuedReply(env);
    const send = await runCli(['outbox', 'send'], { env });
    expect(send).toMatchObject({ code: 6 });
    expect(send.stderr).toMatch(/: no SMTP password for helpdesk: set DESKLINE_SMTP_PASSWORD or mail.smtp.password_file; next try/);
    expect(await outboxRow(env)).toMatchObject({ status: 'queued', attempts: 1 });
    expect(smtp.received).toHaveLength(0);
  });
});
