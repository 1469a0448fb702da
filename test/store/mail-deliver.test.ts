/**
 * deliverMail, the store call IMAP intake makes per message: a new message opens a ticket, its reply
 * threads onto it and reopens it when resolved, a redelivery adds nothing, and a bad one rolls back.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DesklineError } from '../../src/errors.js';
import { mailIn } from '../../src/io/mail-import.js';
import { parseMail } from '../../src/io/mail-message.js';
import { deliverMail, deliverMails } from '../../src/store/mail-deliver.js';
import { sql } from 'kysely';
import { countOf, isPg, rowOf, rowsOf, run } from '../helpers/db-rows.js';
import { tempDb } from '../helpers/temp.js';
import { ticketIndexIds } from '../helpers/text-index.js';

const message = async (name: string) => {
  const bytes = readFileSync(`fixtures/import/mail/${name}`);
  return mailIn(await parseMail(bytes), bytes);
};
const options = { actor: 'mail intake', place: 'imap INBOX', now: Date.parse('2025-07-22T00:00:00Z') };

describe('deliverMail', () => {
  it('opens, threads, reopens and ignores a redelivery', async () => {
    const desk = await tempDb();
    expect(await deliverMail(desk, await message('plain.eml'), options)).toEqual({ fate: 'created', ticketId: 1, acknowledged: false });
    await run(desk.db, sql`UPDATE tickets SET status = 'resolved', resolution = 'fixed', resolved_at = 1 WHERE id = 1`);
    expect(await deliverMail(desk, await message('reply.eml'), options)).toEqual({ fate: 'reopened', ticketId: 1, acknowledged: false });
    expect(await deliverMail(desk, await message('reply.eml'), options)).toEqual({ fate: 'known', ticketId: 1, acknowledged: false });
    expect(await deliverMail(desk, await message('bounce.eml'), options)).toEqual({ fate: 'ignored', ticketId: null, acknowledged: false });
    expect(await rowsOf(desk.db, sql`SELECT status, resolution, resolved_at FROM tickets`)).toEqual([
      { status: 'open', resolution: null, resolved_at: null },
    ]);
    expect(await ticketIndexIds(desk.db, 'drops')).toEqual([1]);
  });

  it('names the place of a message it cannot store and writes nothing', async () => {
    const desk = await tempDb();
    const bad = { ...(await message('plain.eml')), text: 'a\u0000b' };
    const error = await deliverMail(desk, bad, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DesklineError);
    expect((error as DesklineError).message).toBe('imap INBOX: description: contains a NUL character');
    expect(await countOf(desk.db, 'tickets')).toBe(0);
  });

  it('a batch leaves out only the message it refuses, and moves the cursor past them all', async () => {
    const desk = await tempDb();
    const good = await message('plain.eml');
    const bad = { ...(await message('reply.eml')), messageId: '<bad@example.com>', subject: 'Fresh', replyTo: [], text: 'a\u0000b' };
    const other = { ...good, messageId: '<other@example.com>', subject: 'Another one' };
    const cursor = { mailbox: 'm', uidValidity: 9, uid: 3 };
    const outcomes = await deliverMails(
      desk,
      [good, bad, other].map((mail, i) => ({ mail, place: `imap INBOX uid ${i + 1}` })),
      { actor: 'mail intake', cursor },
    );
    expect(outcomes.map((o) => ('refused' in o ? o.refused.message : o.fate))).toEqual([
      'created',
      'imap INBOX uid 2: description: contains a NUL character',
      'created',
    ]);
    expect(await rowsOf(desk.db, sql`SELECT id, title FROM tickets ORDER BY id`)).toEqual([
      { id: 1, title: good.subject },
      { id: 2, title: 'Another one' },
    ]);
    expect(await rowOf(desk.db, sql`SELECT uid_validity, last_uid FROM mail_cursors`)).toEqual({ uid_validity: 9, last_uid: 3 });
    expect(await ticketIndexIds(desk.db, 'another')).toEqual([2]);
    // FTS5's own check of the index against its content (PostgreSQL's index is kept by triggers: nothing to check).
    if (!isPg) await run(desk.db, sql`INSERT INTO ticket_fts (ticket_fts) VALUES ('integrity-check')`);
  });
});
