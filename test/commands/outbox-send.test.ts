/** Replies leave by email through a real SMTP server on loopback: headers, threading, text, nothing internal. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startSmtp, pointAtSmtp } from '../helpers/smtp.js';
import { dbRows, tempEnv } from '../helpers/temp.js';

async function deskWithTicket(env: Record<string, string>) {
  await runCli(['requester', 'add', 'Ana Silva', '-e', 'ana@example.com'], { env });
  expect((await runCli(['ticket', 'create', '-t', 'Printer offline', '-r', 'ana@example.com'], { env })).code).toBe(0);
}

describe('outbox send', () => {
  it('emails public replies with subject, sender, Message-ID and threading; notes never leave', async () => {
    const env = tempEnv();
    const smtp = await startSmtp();
    pointAtSmtp(env, smtp.port);
    await deskWithTicket(env);
    await runCli(['ticket', 'comment', 'HD-1', '--note', 'internal: the admin password is on the sticky note'], { env });
    await runCli(['ticket', 'comment', 'HD-1', '--reply', 'Restarted the spooler; please try again'], { env });
    await runCli(['ticket', 'comment', 'HD-1', '--call', 'Called Ana, no answer'], { env });
    await runCli(['ticket', 'comment', 'HD-1', '--reply', 'Did that help?'], { env });

    const queued = JSON.parse((await runCli(['outbox', 'list', '--json'], { env })).stdout);
    expect(queued.counts).toEqual({ waiting: 2, failed: 0 });
    expect(queued.delivery).toEqual({ configured: true });

    expect(await runCli(['outbox', 'send'], { env })).toMatchObject({ code: 0, stdout: '2 sent\n', stderr: '' });
    await smtp.arrived(2);
    const [first, second] = smtp.received;
    const ids = (await dbRows(env, `SELECT message_id FROM interactions WHERE kind = 'reply' ORDER BY id`)) as { message_id: string }[];
    expect(first!.envelope).toEqual({ from: 'help@example.com', to: ['ana@example.com'] });
    expect(first!.mail.subject).toBe('[HD-1] Printer offline');
    expect(first!.mail.from?.value).toEqual([{ name: 'Sam Okafor', address: 'help@example.com' }]);
    expect(first!.mail.to).toMatchObject({ value: [{ name: 'Ana Silva', address: 'ana@example.com' }] });
    expect(first!.mail.messageId).toBe(ids[0]!.message_id);
    expect(first!.mail.messageId).toMatch(/^<hd-1\.\d+\.[0-9a-f]{8}@example\.com>$/);
    expect(first!.mail.inReplyTo).toBeUndefined();
    expect(first!.mail.text).toContain('Restarted the spooler; please try again');
    expect(second!.mail.messageId).toBe(ids[1]!.message_id);
    expect(second!.mail.inReplyTo).toBe(ids[0]!.message_id);
    expect(second!.mail.references).toBe(ids[0]!.message_id);
    expect(second!.mail.headers.get('x-deskline-ticket')).toBe('HD-1');
    for (const r of smtp.received) {
      expect(r.raw).not.toContain('sticky note');
      expect(r.raw).not.toContain('no answer');
    }

    expect(await runCli(['outbox', 'send'], { env })).toMatchObject({ code: 0, stdout: '0 sent\n' });
    expect(smtp.received).toHaveLength(2);
    const after = JSON.parse((await runCli(['outbox', 'list', '--json'], { env })).stdout);
    expect(after.counts).toEqual({ waiting: 0, failed: 0 });
    expect(after.messages.map((m: { status: string; attempts: number }) => [m.status, m.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
    ]);
  });

  it('queues nothing for a requester without an address, and keeps replies queued while delivery is not configured', async () => {
    const env = tempEnv();
    await runCli(['ticket', 'create', '-t', 'Walk-in: badge broken'], { env });
    await runCli(['ticket', 'comment', 'HD-1', '--reply', 'New badge at reception'], { env });
    await deskWithTicket(env);
    await runCli(['ticket', 'comment', 'HD-2', '--reply', 'On it'], { env });
    const list = await runCli(['outbox', 'list'], { env });
    expect(list.stdout.split('\n').slice(0, 2)).toEqual([
      'delivery is not configured (set mail.smtp.host and mail.from: deskline config set mail.smtp.host …); messages stay queued',
      '1 waiting, 0 failed',
    ]);
    expect(list.stdout).toMatch(/1\s+HD-2\s+ana@example.com\s+queued\s+0\s+\[HD-2\] Printer offline/);
    const send = await runCli(['outbox', 'send'], { env });
    expect(send.code).toBe(6);
    expect(send.stderr).toMatch(/^deskline: delivery is not configured .*\n$/);
    expect(await dbRows(env, 'SELECT status, attempts, last_error FROM outbox')).toEqual([
      { status: 'queued', attempts: 0, last_error: null },
    ]);
  });

  it('shows, retries and drops messages; a dropped reply forgets its Message-ID', async () => {
    const env = tempEnv();
    await deskWithTicket(env);
    await runCli(['ticket', 'comment', 'HD-1', '--reply', 'Try the other tray'], { env });
    const show = await runCli(['outbox', 'show', '1'], { env });
    expect(show.stdout).toContain('  subject     [HD-1] Printer offline');
    expect(show.stdout).toContain('Try the other tray');
    expect(await runCli(['outbox', 'show', '9'], { env })).toMatchObject({ code: 2, stderr: 'deskline: outbox message 9 not found\n' });
    expect(await runCli(['outbox', 'retry'], { env })).toMatchObject({ code: 1 });
    expect((await runCli(['outbox', 'retry', '--all'], { env })).stdout).toBe('1 message to send at the next outbox send\n');
    expect((await runCli(['outbox', 'drop', '1'], { env })).stdout).toBe('dropped outbox message 1 to ana@example.com\n');
    expect(await dbRows(env, 'SELECT count(*) AS n FROM outbox')).toEqual([{ n: 0 }]);
    expect(await dbRows(env, `SELECT message_id FROM interactions WHERE kind = 'reply'`)).toEqual([{ message_id: null }]);
  });
});
