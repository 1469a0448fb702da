/**
 * Mail in, reply out, answer in: a ticket opened by `import eml` is answered by email threaded to
 * the requester's message; her answer to that email (no [HD-n] in its subject) threads back into the
 * same ticket by In-Reply-To, and the next reply's References carry the whole conversation.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { pointAtSmtp, startSmtp } from '../helpers/smtp.js';
import { dbRows, tempDir, tempEnv } from '../helpers/temp.js';

const FIRST = '<CAF1a2b3c4d5@mail.example.com>';

describe('mail round trip', () => {
  it('threads the reply to the mail that opened the ticket, and the answer back into the ticket', async () => {
    const env = tempEnv();
    const smtp = await startSmtp();
    pointAtSmtp(env, smtp.port);
    expect((await runCli(['import', 'eml', 'fixtures/import/mail/plain.eml'], { env })).code).toBe(0);
    await runCli(['ticket', 'comment', 'HD-1', '--reply', 'Please try the new VPN profile'], { env });
    expect(await runCli(['outbox', 'send'], { env })).toMatchObject({ code: 0, stdout: '1 sent\n' });
    await smtp.arrived(1);
    const out = smtp.received[0]!.mail;
    expect(out.to).toMatchObject({ value: [{ address: 'ana.silva@example.com' }] });
    expect(out.inReplyTo).toBe(FIRST);
    expect(out.references).toBe(FIRST);

    const answer = join(tempDir(), 'answer.eml');
    writeFileSync(
      answer,
      [
        'Message-ID: <answer-1@mail.example.com>',
        'Date: Mon, 20 Jul 2025 11:00:00 +0100',
        'From: Ana Silva <ana.silva@example.com>',
        'To: help@example.com',
        'Subject: Re: VPN still drops',
        `In-Reply-To: ${out.messageId}`,
        `References: ${FIRST} ${out.messageId}`,
        'Content-Type: text/plain; charset=UTF-8',
        '',
        'Still dropping after the new profile, sorry.',
        '',
      ].join('\r\n'),
    );
    expect((await runCli(['import', 'eml', answer], { env })).code).toBe(0);
    expect(await dbRows(env, 'SELECT count(*) AS n FROM tickets')).toEqual([{ n: 1 }]);
    expect(await dbRows(env, `SELECT ticket_id, message_id FROM interactions WHERE body LIKE '%Still dropping%'`)).toEqual([
      { ticket_id: 1, message_id: '<answer-1@mail.example.com>' },
    ]);

    await runCli(['ticket', 'comment', 'HD-1', '--reply', 'Swapping the laptop then'], { env });
    await runCli(['ticket', 'comment', 'HD-1', '--note', 'internal: spare laptop LT-42'], { env });
    expect(await runCli(['outbox', 'send'], { env })).toMatchObject({ code: 0, stdout: '1 sent\n' });
    await smtp.arrived(2);
    const next = smtp.received[1]!;
    expect(next.mail.inReplyTo).toBe('<answer-1@mail.example.com>');
    expect(next.mail.references).toEqual([FIRST, out.messageId, '<answer-1@mail.example.com>']);
    expect(next.raw).not.toContain('LT-42');
  });
});
