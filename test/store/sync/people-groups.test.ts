/**
 * People and groups travel (issue 22): a requester made on a laptop with its ticket exists on the
 * server and the other laptop, by email, with its name; a ticket's group and groups made offline
 * travel by name; concurrent group changes end as the later write with a conflict note; a requester forgotten
 * on the server is forgotten on every replica at its next pull, and the sync log keeps no copy.
 */
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../../src/domain/ticket-input.js';
import { checkDesk } from '../../../src/store/desk-maintenance.js';
import type { Executor } from '../../../src/store/executor.js';
import { addGroup } from '../../../src/store/groups.js';
import { addInteraction, timeline } from '../../../src/store/interactions.js';
import { forgetRequester } from '../../../src/store/redaction.js';
import { syncNow } from '../../../src/store/sync/replica.js';
import { resolveConflict } from '../../../src/store/sync/resolve.js';
import { openConflicts } from '../../../src/store/sync/status.js';
import { ensureTechnician } from '../../../src/store/technicians.js';
import { updateTicket } from '../../../src/store/ticket-changes.js';
import { getTicket } from '../../../src/store/ticket-view.js';
import { createTicket } from '../../../src/store/tickets.js';
import { replicaOf, serverDesk } from '../../helpers/sync-desks.js';

const SAM = { name: 'Sam Ito', email: 'sam@example.com', tier: 'L1' };
const KIM = { name: 'Kim Ode', email: 'kim@example.com', tier: 'L1' };
const T = 1_800_000_000_000;

const requesterOf = async (db: Executor, id: number) => {
  const t = await getTicket(db, id);
  return t.requester && { name: t.requester.name, email: t.requester.email, department: t.requester.department };
};
const groupOf = async (db: Executor, id: number) => (await getTicket(db, id)).group?.name ?? null;
const groupNames = async (db: Executor) => (await db.selectFrom('groups').select('name').orderBy('name').execute()).map((g) => g.name);

describe('sync of requesters and groups', () => {
  it('makes a requester created offline on the server and the other laptop, by email, with its name', async () => {
    const server = await serverDesk();
    const boss = await ensureTechnician(server.db, SAM);
    const a = await replicaOf(server);
    const b = await replicaOf(server);
    const sam = await ensureTechnician(a.desk.db, SAM);
    // New to every desk: one with an address, one known by name only; and one the server makes after B's copy.
    const nia = await createTicket(a.desk.db, validateTicketInput({ title: 'Badge', requester: 'Nia Oduya <NIA@example.com>' }), sam);
    const desk = await createTicket(a.desk.db, validateTicketInput({ title: 'Phone', requester: 'Front Desk' }), sam);
    await createTicket(server.db, validateTicketInput({ title: 'Mouse', requester: 'Ola Berg <ola@example.com>' }), boss);
    expect(nia.ticket.id).toBeLessThan(0);
    expect(desk.ticket.id).toBeLessThan(0);
    await syncNow(a.desk.db, server.db);
    await syncNow(b.desk.db, server.db);
    await syncNow(a.desk.db, server.db);

    for (const d of [server, a.desk, b.desk]) {
      const titles = await d.db.selectFrom('tickets').select(['id', 'title']).orderBy('id').execute();
      const byTitle = (t: string) => titles.find((r) => r.title === t)!.id;
      expect(await requesterOf(d.db, byTitle('Badge'))).toEqual({ name: 'Nia Oduya', email: 'nia@example.com', department: null });
      expect(await requesterOf(d.db, byTitle('Phone'))).toEqual({ name: 'Front Desk', email: null, department: null });
      expect(await requesterOf(d.db, byTitle('Mouse'))).toEqual({ name: 'Ola Berg', email: 'ola@example.com', department: null });
    }
    // A second ticket of Nia's on B finds her: one person, not two.
    const again = await createTicket(b.desk.db, validateTicketInput({ title: 'Badge again', requester: 'nia@example.com' }), sam);
    await syncNow(b.desk.db, server.db);
    const nias = await server.db.selectFrom('requesters').select('id').where('email', '=', 'nia@example.com').execute();
    expect(nias).toHaveLength(1);
    expect((await getTicket(server.db, 4)).requester_id).toBe(nias[0]!.id);
    expect(again.ticket.id).toBeLessThan(0);
  });

  it('carries a ticket’s group by name; concurrent changes end as the later write with one conflict note', async () => {
    const server = await serverDesk();
    const boss = await ensureTechnician(server.db, SAM);
    await addGroup(server.db, 'Network');
    const { ticket } = await createTicket(server.db, validateTicketInput({ title: 'Wi-Fi drops' }), boss);
    const a = await replicaOf(server);
    const b = await replicaOf(server);
    const sam = await ensureTechnician(a.desk.db, SAM);
    const kim = await ensureTechnician(b.desk.db, KIM);
    // A makes a group offline and gives the ticket to it; synced, every desk has both.
    await addGroup(a.desk.db, 'Desktop L2');
    await updateTicket(a.desk.db, ticket.id, { group: 'Desktop L2' }, sam, { now: T });
    await syncNow(a.desk.db, server.db);
    await syncNow(b.desk.db, server.db);
    for (const d of [server, a.desk, b.desk]) {
      expect(await groupOf(d.db, ticket.id)).toBe('Desktop L2');
      expect(await groupNames(d.db)).toEqual(['Desktop L2', 'Network']);
    }
    // A group made on B with no ticket in it travels too.
    await addGroup(b.desk.db, 'Field Ops');
    // Both change it, neither having seen the other: B's is later by clock, A syncs last.
    await updateTicket(b.desk.db, ticket.id, { group: 'Network' }, kim, { now: T + 2 });
    await updateTicket(a.desk.db, ticket.id, { group: 'none' }, sam, { now: T + 1 });
    await syncNow(b.desk.db, server.db);
    await syncNow(a.desk.db, server.db);
    await syncNow(b.desk.db, server.db);
    for (const d of [server, a.desk, b.desk]) {
      expect(await groupOf(d.db, ticket.id)).toBe('Network');
      expect((await openConflicts(d.db)).map((c) => [c.field, c.kept, c.lost])).toEqual([['group', 'Network', null]]);
      const notes = (await timeline(d.db, ticket.id)).map((e) => e.body).filter((t) => t.startsWith('Sync conflict'));
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatch(/^Sync conflict on group: kept "Network" \(.+\), not nothing/);
    }
    // Taking the lost value on a laptop is a change like any other: every desk ends with no group.
    const [conflict] = await openConflicts(a.desk.db);
    await resolveConflict(a.desk.db, conflict!.id, 'lost', sam);
    await syncNow(a.desk.db, server.db);
    await syncNow(b.desk.db, server.db);
    for (const d of [server, a.desk, b.desk]) {
      expect(await groupOf(d.db, ticket.id)).toBeNull();
      expect(await openConflicts(d.db)).toEqual([]);
      expect(await groupNames(d.db)).toEqual(['Desktop L2', 'Field Ops', 'Network']);
    }
  });

  it('forgets on every replica a requester forgotten on the server; the sync log keeps no copy', async () => {
    const server = await serverDesk();
    const boss = await ensureTechnician(server.db, SAM);
    const input = validateTicketInput({ title: 'Ana Quist locked out', requester: 'Ana Quist <ana.quist@example.com>' });
    const { ticket } = await createTicket(server.db, input, boss);
    await addInteraction(server.db, ticket.id, { kind: 'note', body: 'Called Ana Quist at home' }, boss);
    const a = await replicaOf(server);
    const sam = await ensureTechnician(a.desk.db, SAM);
    // Offline, A notes something about her too (pushed before the server forgets her).
    await addInteraction(a.desk.db, ticket.id, { kind: 'note', body: 'Ana Quist confirmed by phone' }, sam);
    await syncNow(a.desk.db, server.db);
    await forgetRequester(server, 'ana.quist@example.com', 'erasure request', boss);
    const logged = await server.db.selectFrom('sync_ops').select('payload').execute();
    expect(logged.filter((r) => /Ana Quist|ana\.quist/i.test(r.payload))).toEqual([]);

    expect(await syncNow(a.desk.db, server.db)).toMatchObject({ pulled: 1 });
    for (const d of [server, a.desk]) {
      const t = await getTicket(d.db, ticket.id);
      expect(t.title).toBe('[redacted] locked out');
      expect(t.requester).toMatchObject({ name: '[forgotten]', email: null });
      const bodies = (await timeline(d.db, ticket.id)).map((e) => e.body);
      expect(bodies).toEqual(['Called [redacted] at home', '[redacted] confirmed by phone']);
      const trail = await d.db.selectFrom('audit_events').select(['old_value', 'new_value']).execute();
      expect(trail.filter((r) => `${r.old_value}${r.new_value}`.includes('Ana Quist'))).toEqual([]);
    }
    expect(await checkDesk(a.desk)).toEqual({ integrity: [], references: [], audit: [] });
    expect(await syncNow(a.desk.db, server.db)).toMatchObject({ pushed: 0, pulled: 0 });
  });
});
