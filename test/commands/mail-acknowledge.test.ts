/**
 * Acknowledgements of new tickets from mail, end to end: Dovecot in, the outbox, a real SMTP server
 * out. Off until mail.acknowledge is set; then one per new ticket, threaded to the message that
 * opened it, never to automatic mail.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { haveDovecot, pointAtImap, rawMail, startDovecot } from '../helpers/imap.js';
import { pointAtSmtp, startSmtp } from '../helpers/smtp.js';
import { dbRows, tempEnv } from '../helpers/temp.js';

const ana = 'Ana Silva <ana@example.com>';

describe.runIf(haveDovecot)('mail fetch acknowledgements', () => {
  it('queues one per new ticket with the template, threaded, and sends it through SMTP; none to auto-replies', async () => {
    const [dovecot, smtp] = await Promise.all([startDovecot(), startSmtp()]);
    const env = tempEnv({ DESKLINE_IMAP_PASSWORD: dovecot.password });
    pointAtSmtp(env, smtp.port);
    pointAtImap(env, dovecot);
    await dovecot.append('INBOX', rawMail({ from: 'Bo Li <bo@example.com>', subject: 'Before', id: '<before@mail.example.com>' }));
    expect(await runCli(['mail', 'fetch'], { env })).toMatchObject({ code: 0 });
    expect(await dbRows(env, 'SELECT count(*) AS n FROM outbox')).toEqual([{ n: 0 }]);

    expect(await runCli(['config', 'set', 'mail.acknowledge', 'Hi {{requester.nope}}'], { env })).toMatchObject({
      code: 4,
      stderr: expect.stringMatching(/^deskline: mail.acknowledge: unknown placeholder \{\{requester.nope\}\} \(known: .*\)\n$/),
    });
    const template = 'Hello {{requester.first_name}},\\n\\nwe have your request as {{ticket.ref}} ({{ticket.title}}).';
    expect(await runCli(['config', 'set', 'mail.acknowledge', template], { env })).toMatchObject({ code: 0 });
    expect(await runCli(['config', 'set', 'mail.desk_name', 'IT Help'], { env })).toMatchObject({ code: 0 });

    await dovecot.append(
      'INBOX',
      rawMail({ from: ana, subject: 'Printer offline', id: '<p1@mail.example.com>', headers: { References: '<older@mail.example.com>' } }),
      rawMail({
        from: 'Bo Li <bo@example.com>',
        subject: 'Re: Before',
        id: '<before2@mail.example.com>',
        headers: { 'In-Reply-To': '<before@mail.example.com>' },
      }),
      rawMail({
        from: 'Cy <cy@example.com>',
        subject: 'Out of office',
        id: '<ooo@mail.example.com>',
        headers: { 'Auto-Submitted': 'auto-replied' },
      }),
    );
    const fetched = await runCli(['mail', 'fetch', '--json'], { env });
    expect(JSON.parse(fetched.stdout)).toMatchObject({ taken: 3, created: 1, replied: 1, ignored: 1, acknowledged: 1 });
    expect(await dbRows(env, 'SELECT kind, ticket_id, to_address, status FROM outbox')).toEqual([
      { kind: 'acknowledgement', ticket_id: 2, to_address: 'ana@example.com', status: 'queued' },
    ]);

    expect(await runCli(['outbox', 'send'], { env })).toMatchObject({ code: 0, stdout: '1 sent\n' });
    await smtp.arrived(1);
    const [ack] = smtp.received;
    expect(ack!.envelope).toEqual({ from: 'help@example.com', to: ['ana@example.com'] });
    expect(ack!.mail.subject).toBe('[HD-2] Printer offline');
    expect(ack!.mail.from?.value).toEqual([{ name: 'IT Help', address: 'help@example.com' }]);
    expect(ack!.mail.inReplyTo).toBe('<p1@mail.example.com>');
    expect(ack!.mail.references).toEqual(['<older@mail.example.com>', '<p1@mail.example.com>']);
    expect(ack!.mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(ack!.mail.text).toBe('Hello Ana,\n\nwe have your request as HD-2 (Printer offline).\n');

    // Ana answers the acknowledgement: it threads into HD-2 and is not acknowledged again.
    await dovecot.append(
      'INBOX',
      rawMail({
        from: ana,
        subject: 'Re: [HD-2] Printer offline',
        id: '<p2@mail.example.com>',
        headers: { 'In-Reply-To': ack!.mail.messageId! },
      }),
    );
    expect(JSON.parse((await runCli(['mail', 'fetch', '--json'], { env })).stdout)).toMatchObject({
      taken: 1,
      replied: 1,
      acknowledged: 0,
    });
    expect(await dbRows(env, 'SELECT count(*) AS n FROM outbox')).toEqual([{ n: 1 }]);
  });
});
