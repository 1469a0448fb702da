/**
 * Sync between SQLite replicas and a PostgreSQL server desk (issue 22): offline work on two laptops,
 * then push and pull; what each ends with, the conflicts recorded, provisional refs renumbered.
 */
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../../src/domain/ticket-input.js';
import { addInteraction, timeline } from '../../../src/store/interactions.js';
import { auditChainProblems } from '../../../src/store/audit-chain.js';
import { ticketHistory } from '../../../src/store/audit.js';
import { rawSqlite } from '../../../src/store/sqlite-raw.js';
import { syncNow } from '../../../src/store/sync/replica.js';
import { openConflicts, syncStatus } from '../../../src/store/sync/status.js';
import { ensureTechnician } from '../../../src/store/technicians.js';
import { updateTicket } from '../../../src/store/ticket-changes.js';
import { getTicket } from '../../../src/store/ticket-view.js';
import { createTicket } from '../../../src/store/tickets.js';
import { replicaOf, serverDesk } from '../../helpers/sync-desks.js';

const SAM = { name: 'Sam Ito', email: 'sam@example.com', tier: 'L1' };
const KIM = { name: 'Kim Ode', email: 'kim@example.com', tier: 'L1' };

describe('sync', () => {
  it('brings two laptops and the server to the same tickets, recording one conflict for a concurrent status edit', async () => {
    const server = await serverDesk();
    const onServer = await ensureTechnician(server.db, SAM);
    await ensureTechnician(server.db, KIM);
    const first = await createTicket(server.db, validateTicketInput({ title: 'VPN drops', tags: 'vpn' }), onServer);
    const a = await replicaOf(server);
    const b = await replicaOf(server);
    const sam = await ensureTechnician(a.desk.db, SAM);
    const kim = await ensureTechnician(b.desk.db, KIM);
    const id = first.ticket.id;
    expect((await getTicket(a.desk.db, id)).title).toBe('VPN drops');

    // Offline: both change the status; each adds a note and a tag; A makes a ticket.
    await updateTicket(a.desk.db, id, { status: 'pending', addTags: ['remote'] }, sam);
    await updateTicket(b.desk.db, id, { status: 'on_hold', priority: 'high', removeTags: ['vpn'] }, kim);
    await addInteraction(a.desk.db, id, { kind: 'note', body: 'asked for logs' }, sam);
    await addInteraction(b.desk.db, id, { kind: 'note', body: 'vendor case opened' }, kim);
    const made = await createTicket(a.desk.db, validateTicketInput({ title: 'Laptop dock dead' }), sam);
    expect(made.ticket.ref).toBe(`HD-~${a.device}-1`);
    await addInteraction(a.desk.db, made.ticket.id, { kind: 'note', body: 'swapped the dock' }, sam);
    expect((await syncStatus(a.desk.db))!.waiting).toBe(5); // status, tags, note, create, note

    await syncNow(a.desk.db, server.db);
    await syncNow(b.desk.db, server.db);
    await syncNow(a.desk.db, server.db);

    for (const desk of [server, a.desk, b.desk]) {
      const t = await getTicket(desk.db, id);
      expect({ status: t.status, priority: t.priority, tags: t.tags }).toEqual({ status: 'on_hold', priority: 'high', tags: ['remote'] });
      const bodies = (await timeline(desk.db, id)).map((i) => i.body);
      expect(bodies.filter((b) => b === 'asked for logs')).toHaveLength(1);
      expect(bodies.filter((b) => b === 'vendor case opened')).toHaveLength(1);
      expect(bodies.filter((b) => b.startsWith('Sync conflict on status'))).toHaveLength(1);
      const conflicts = await openConflicts(desk.db);
      expect(conflicts.map((c) => [c.field, c.kept, c.lost])).toEqual([['status', 'on_hold', 'pending']]);
      const dock = await getTicket(desk.db, 2);
      expect(dock.title).toBe('Laptop dock dead');
      expect(dock.ref).toBe('HD-2');
      expect((await timeline(desk.db, 2)).map((i) => i.body)).toEqual(['swapped the dock']);
    }
    expect((await syncStatus(a.desk.db))!.waiting).toBe(0);
    // The renumbered ticket's audit events were hashed again: the replica's chain checks clean.
    expect(auditChainProblems(rawSqlite(a.desk))).toEqual([]);
    expect((await ticketHistory(a.desk.db, 2)).map((e) => e.action)).toContain('create');
  });

  it('ends a tag added on one laptop and removed on another as the server ordered the two, everywhere', async () => {
    const server = await serverDesk();
    const boss = await ensureTechnician(server.db, SAM);
    const { ticket } = await createTicket(server.db, validateTicketInput({ title: 'Printer', tags: 'vpn' }), boss);
    const a = await replicaOf(server);
    const b = await replicaOf(server);
    await updateTicket(b.desk.db, ticket.id, { removeTags: ['vpn'] }, await ensureTechnician(b.desk.db, KIM));
    await syncNow(b.desk.db, server.db); // B's removal is first in the server's order
    await updateTicket(a.desk.db, ticket.id, { removeTags: ['vpn'] }, await ensureTechnician(a.desk.db, SAM));
    await updateTicket(a.desk.db, ticket.id, { addTags: ['vpn'] }, await ensureTechnician(a.desk.db, SAM));
    await syncNow(a.desk.db, server.db);
    await syncNow(b.desk.db, server.db);
    for (const desk of [server, a.desk, b.desk]) expect((await getTicket(desk.db, ticket.id)).tags).toEqual(['vpn']);
    // And the other way round: A removes after B re-adds.
    await updateTicket(b.desk.db, ticket.id, { removeTags: ['vpn'] }, await ensureTechnician(b.desk.db, KIM));
    await updateTicket(b.desk.db, ticket.id, { addTags: ['vpn'] }, await ensureTechnician(b.desk.db, KIM));
    await syncNow(b.desk.db, server.db);
    await updateTicket(a.desk.db, ticket.id, { removeTags: ['vpn'] }, await ensureTechnician(a.desk.db, SAM));
    await syncNow(a.desk.db, server.db);
    await syncNow(b.desk.db, server.db);
    for (const desk of [server, a.desk, b.desk]) expect((await getTicket(desk.db, ticket.id)).tags).toEqual([]);
  });
});
