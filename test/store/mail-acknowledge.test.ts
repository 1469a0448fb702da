/**
 * The acknowledgement of a ticket opened by mail is queued in the ticket's own transaction (no ticket
 * without it, no acknowledgement without its ticket), moves the cursor with them, and never goes to
 * automatic mail or the desk's own address.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mailIn } from '../../src/io/mail-import.js';
import { parseMail } from '../../src/io/mail-message.js';
import { deliverMail } from '../../src/store/mail-deliver.js';
import { tempDb } from '../helpers/temp.js';

const message = async (name: string) => {
  const bytes = readFileSync(`fixtures/import/mail/${name}`);
  return mailIn(await parseMail(bytes), bytes);
};
const acknowledge = {
  template: 'Hello {{requester.first_name}}, we have {{ticket.ref}}.',
  fromName: 'IT Help',
  deskAddresses: ['help@example.com'],
};
const cursor = { mailbox: 'help@example.com@127.0.0.1:143/INBOX', uidValidity: 7, uid: 1 };
const options = { actor: 'mail intake', place: 'imap INBOX uid 1', acknowledge, cursor };

describe('acknowledgement of new tickets from mail', () => {
  it('is written with the ticket and the cursor, or not at all', async () => {
    const desk = await tempDb();
    desk.sqlite.exec(
      "CREATE TRIGGER no_ack BEFORE INSERT ON outbox WHEN NEW.kind = 'acknowledgement' BEGIN SELECT RAISE(ABORT, 'outbox is full'); END",
    );
    await expect(deliverMail(desk, await message('plain.eml'), options)).rejects.toThrow('outbox is full');
    const count = (table: string) => (desk.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count('tickets'), count('outbox'), count('mail_cursors')]).toEqual([0, 0, 0]);

    desk.sqlite.exec('DROP TRIGGER no_ack');
    expect(await deliverMail(desk, await message('plain.eml'), options)).toEqual({ fate: 'created', ticketId: 1, acknowledged: true });
    expect([count('tickets'), count('outbox'), count('mail_cursors')]).toEqual([1, 1, 1]);
    expect(desk.sqlite.prepare('SELECT kind, ticket_id, to_address, from_name, subject, in_reply_to FROM outbox').get()).toMatchObject({
      kind: 'acknowledgement',
      ticket_id: 1,
      from_name: 'IT Help',
      subject: expect.stringMatching(/^\[HD-1\] /),
      in_reply_to: (await message('plain.eml')).messageId,
    });
  });

  it('never answers automatic mail, replies or the desk itself', async () => {
    const desk = await tempDb();
    await deliverMail(desk, await message('plain.eml'), { ...options, acknowledge: null });
    expect(await deliverMail(desk, await message('reply.eml'), options)).toMatchObject({ fate: 'replied', acknowledged: false });
    expect(await deliverMail(desk, await message('bounce.eml'), options)).toMatchObject({ acknowledged: false });
    const own = { ...(await message('plain.eml')), messageId: '<own@example.com>', from: { name: 'Desk', email: 'HELP@example.com' } };
    expect(await deliverMail(desk, own, options)).toEqual({ fate: 'created', ticketId: 2, acknowledged: false });
    expect(desk.sqlite.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  });
});
