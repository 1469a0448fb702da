/**
 * The write path: how many statements a create sends to SQLite (counted on the desk's own connection,
 * where kysely prepares every query it runs), and that what a write returns is what a fresh read finds.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { addInteraction } from '../../src/store/interactions.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { updateTicket, updateTickets } from '../../src/store/ticket-changes.js';
import { getTicket } from '../../src/store/ticket-view.js';
import { escalate, reopen, resolve } from '../../src/store/ticket-workflows.js';
import { createTickets } from '../../src/store/tickets.js';
import { tempDir, testDesk } from '../helpers/temp.js';

const ME = { name: 'Lee Chen', email: 'lee@example.com', tier: 'L1' };

/**
 * Every SQL statement the desk's connection runs while `fn` runs (better-sqlite3's trace: kysely's
 * statements are kept prepared by their text, so counting prepares would miss the repeated ones).
 */
let sink: string[] | null = null;
const trace = (sql: string) => void sink?.push(sql);
async function statements<T>(fn: () => Promise<T>): Promise<{ sql: string[]; result: T }> {
  const sql: string[] = [];
  sink = sql;
  try {
    return { sql, result: await fn() };
  } finally {
    sink = null;
  }
}
const tracedDb = () => testDesk(join(tempDir(), 'desk.db'), { trace });

/** The statements between BEGIN IMMEDIATE and COMMIT (db/immediate.ts reads PRAGMA data_version before it begins). */
const inside = (sql: string[]) => sql.slice(sql.indexOf('BEGIN IMMEDIATE') + 1, -1);

describe('ticket writes', () => {
  it('a ticket create sends at most 6 statements between BEGIN and COMMIT: settings, requester, row with due times, audit', async () => {
    const desk = await tracedDb();
    await ensureTechnician(desk.db, ME);
    const create = async (raw: Record<string, unknown>) =>
      // What `deskline ticket create` runs once the desk is open: who am I, then the write.
      statements(async () => createTickets(desk.db, [validateTicketInput(raw)], await ensureTechnician(desk.db, ME)));

    const { sql, result } = await create({ title: 'Printer jams', requester: 'Bo Ng <bo@example.com>', assignee: 'me' });
    expect(sql[0]).toMatch(/from "technicians"/); // the identity lookup, before the transaction
    expect(sql.slice(1, 3)).toEqual(['PRAGMA data_version', 'BEGIN IMMEDIATE']);
    expect(sql.at(-1)).toBe('COMMIT');
    const write = inside(sql);
    // settings; requester (found or created in one upsert); the row, due times included; the audit chain's head; the event.
    expect(write.length, write.join('\n')).toBeLessThanOrEqual(6);
    expect(write.filter((s) => s.includes('sla_policies'))).toHaveLength(1);
    expect(write.filter((s) => /^select .* from "tickets"/i.test(s))).toEqual([]); // nothing read back
    expect(result[0]!.ticket).toEqual(await getTicket(desk.db, result[0]!.ticket.id));
    expect(result[0]!.ticket).toMatchObject({ status: 'open', requester: { name: 'Bo Ng' }, assignee: { name: 'Lee Chen' } });
    expect(result[0]!.ticket.next_due_at).not.toBeNull();

    // Tags add two statements whatever their number: the vocabulary, then every link at once.
    const tagged = await create({ title: 'Toner', requester: 'bo@example.com', tags: 'printer,floor4,toner' });
    expect(inside(tagged.sql).length, tagged.sql.join('\n')).toBe(write.length + 2);
    expect(tagged.result[0]!.ticket).toEqual(await getTicket(desk.db, tagged.result[0]!.ticket.id));
    expect(tagged.result[0]!.ticket.tags).toEqual(['floor4', 'printer', 'toner']);

    // The bench's plain create: settings, row, chain head, event.
    const plain = await create({ title: 'Bench: printer jams' });
    expect(inside(plain.sql).length, plain.sql.join('\n')).toBeLessThanOrEqual(4);
  });

  it('ten tickets in one batch load the settings once and resolve each person once', async () => {
    const desk = await tracedDb();
    const actor = await ensureTechnician(desk.db, ME);
    const inputs = Array.from({ length: 10 }, (_, i) =>
      validateTicketInput({ title: `Alert ${i}`, requester: i % 2 ? 'ana@example.com' : 'Bo Ng <bo@example.com>', tags: 'monitoring' }),
    );
    const { sql, result } = await statements(() => createTickets(desk.db, inputs, actor));
    expect(sql.filter((s) => s.includes('sla_policies'))).toHaveLength(1);
    // Once per batch, not per ticket: the addresses a merge moved (requester_emails), then the requesters themselves.
    expect(sql.filter((s) => s.includes('"requesters"'))).toHaveLength(2);
    // Settings, moved addresses, requesters, one insert, two for tags, two for the ten audit events: the same as for one ticket.
    expect(inside(sql).length, sql.join('\n')).toBeLessThanOrEqual(8);
    expect(result.map((c) => c.ticket.ref)).toEqual(Array.from({ length: 10 }, (_, i) => `HD-${i + 1}`));
    for (const c of result) expect(c.ticket).toEqual(await getTicket(desk.db, c.ticket.id));
  });

  it('a thousand tickets are inserted and changed in batches, in order, with the settings loaded once per command', async () => {
    const desk = await tracedDb();
    const actor = await ensureTechnician(desk.db, ME);
    const inputs = Array.from({ length: 1_200 }, (_, i) => validateTicketInput({ title: `Alert ${i + 1}`, tags: i % 2 ? 'odd' : 'even' }));
    const created = await createTickets(desk.db, inputs, actor);
    expect(created.map((c) => c.ticket.title)).toEqual(inputs.map((i) => i.title));
    expect(created.map((c) => c.ticket.id)).toEqual(Array.from({ length: 1_200 }, (_, i) => i + 1));
    const ids = created.map((c) => c.ticket.id).reverse();
    const { sql, result } = await statements(() => updateTickets(desk.db, ids, { priority: 'high' }, actor));
    expect(sql.filter((s) => s.includes('sla_policies'))).toHaveLength(1);
    expect(result.map((r) => r.ticket.id)).toEqual(ids);
    for (const i of [0, 499, 500, 1_199]) expect(result[i]!.ticket).toEqual(await getTicket(desk.db, ids[i]!));
  });

  it('an external id seen before, or twice in one batch, gives back the first ticket and writes nothing more', async () => {
    const desk = await tracedDb();
    const actor = await ensureTechnician(desk.db, ME);
    const alert = (title: string) => validateTicketInput({ title, externalId: 'alert-7' });
    const first = await createTickets(
      desk.db,
      [alert('Disk full'), validateTicketInput({ title: 'Other' }), alert('Disk full again')],
      actor,
    );
    expect(first.map((c) => [c.ticket.ref, c.existing])).toEqual([
      ['HD-1', false],
      ['HD-2', false],
      ['HD-1', true],
    ]);
    const again = await createTickets(desk.db, [alert('Disk full')], actor);
    expect(again[0]).toEqual({ ticket: await getTicket(desk.db, 1), existing: true });
    expect(desk.sqlite.prepare("SELECT count(*) FROM audit_events WHERE action = 'create'").pluck().get()).toBe(2);
  });

  it('updates, timeline entries and the named moves return the ticket as a fresh read finds it', async () => {
    const desk = await tracedDb();
    const actor = await ensureTechnician(desk.db, ME);
    await ensureTechnician(desk.db, { name: 'Olga Other', email: 'olga@example.com', tier: 'L2' });
    const { ticket } = (
      await createTickets(desk.db, [validateTicketInput({ title: 'VPN', requester: 'ana@example.com', tags: 'vpn' })], actor)
    )[0]!;
    const fresh = () => getTicket(desk.db, ticket.id);
    const changed = await updateTicket(desk.db, ticket.id, { assignee: 'olga', priority: 'high', addTags: ['urgent-fix'] }, actor);
    expect(changed.ticket).toEqual(await fresh());
    expect(changed.ticket).toMatchObject({ status: 'open', assignee: { name: 'Olga Other' }, tags: ['urgent-fix', 'vpn'] });
    expect((await escalate(desk.db, ticket.id, 'L2', 'needs the firewall', actor)).ticket).toEqual(await fresh());
    expect((await resolve(desk.db, ticket.id, 'Rotated the key', actor)).ticket).toEqual(await fresh());
    expect((await reopen(desk.db, ticket.id, 'back', actor)).ticket).toEqual(await fresh());
    const bulk = await updateTickets(desk.db, [ticket.id], { status: 'pending', removeTags: ['vpn'] }, actor);
    expect(bulk[0]!.ticket).toEqual(await fresh());
  });

  it('a requester writing back reopens a resolved ticket and clears its resolution, as the rules say', async () => {
    const desk = await tracedDb();
    const actor = await ensureTechnician(desk.db, ME);
    const { ticket } = (
      await createTickets(desk.db, [validateTicketInput({ title: 'Toner', status: 'resolved', resolution: 'New toner' })], actor)
    )[0]!;
    await addInteraction(desk.db, ticket.id, { kind: 'email_in', body: 'Still streaky' }, { id: null, name: 'ana@example.com' });
    expect(await getTicket(desk.db, ticket.id)).toMatchObject({ status: 'open', resolution: null, resolved_at: null, closed_at: null });
    const history = desk.sqlite.prepare("SELECT old_value, new_value FROM audit_events WHERE field = 'status'").all();
    expect(history).toEqual([{ old_value: 'resolved', new_value: 'open' }]);
  });
});
