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
import { sql } from 'kysely';
import { countOf, isPg, rowOf } from '../helpers/db-rows.js';
import { addFailTrigger, dropFailTrigger } from '../helpers/fail-trigger.js';
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
    const noAck = { name: 'no_ack', table: 'outbox', when: "NEW.kind = 'acknowledgement'", message: 'outbox is full' };
    await addFailTrigger(desk.db, noAck);
    await expect(deliverMail(desk, await message('plain.eml'), options)).rejects.toThrow('outbox is full');
    const counts = () => Promise.all(['tickets', 'outbox', 'mail_cursors'].map((table) => countOf(desk.db, table)));
    expect(await counts()).toEqual([0, 0, 0]);

    await dropFailTrigger(desk.db, noAck);
    // A PostgreSQL identity does not give back the id the rolled-back ticket took; SQLite's max(rowid) + 1 does.
    const id = isPg ? 2 : 1;
    expect(await deliverMail(desk, await message('plain.eml'), options)).toEqual({ fate: 'created', ticketId: id, acknowledged: true });
    expect(await counts()).toEqual([1, 1, 1]);
    expect(await rowOf(desk.db, sql`SELECT kind, ticket_id, to_address, from_name, subject, in_reply_to FROM outbox`)).toMatchObject({
      kind: 'acknowledgement',
      ticket_id: id,
      from_name: 'IT Help',
      subject: expect.stringMatching(new RegExp(`^\\[HD-${id}\\] `)),
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
    expect(await countOf(desk.db, 'outbox')).toBe(0);
  });
});
