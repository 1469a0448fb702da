/**
 * A merge and an identity check made on a laptop travel (issue 22): the server and the other laptop
 * end with the source closed, its note and the duplicate link, and its timeline entries on the target
 * (those noted elsewhere before the merge follow, whenever they arrive); a request's identity checks reach every
 * desk once, with their audit event, and a request checked offline can be resolved on the server.
 */
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../../src/domain/ticket-input.js';
import { templateBySlug } from '../../../src/io/template-files.js';
import { ticketHistory } from '../../../src/store/audit.js';
import { recordVerification, verificationsOf } from '../../../src/store/checklists.js';
import type { Executor } from '../../../src/store/executor.js';
import { addInteraction, timeline } from '../../../src/store/interactions.js';
import { createRequest } from '../../../src/store/requests.js';
import { syncNow } from '../../../src/store/sync/replica.js';
import { ensureTechnician } from '../../../src/store/technicians.js';
import { updateTicket } from '../../../src/store/ticket-changes.js';
import { linksOf } from '../../../src/store/ticket-links.js';
import { mergeTickets } from '../../../src/store/ticket-merge.js';
import { getTicket } from '../../../src/store/ticket-view.js';
import { createTicket } from '../../../src/store/tickets.js';
import { replicaOf, serverDesk } from '../../helpers/sync-desks.js';

const SAM = { name: 'Sam Ito', email: 'sam@example.com', tier: 'L1' };
const KIM = { name: 'Kim Ode', email: 'kim@example.com', tier: 'L1' };
const T = 1_800_000_000_000;

const links = async (db: Executor, id: number) => (await linksOf(db, id)).map((l) => `${l.label} ${l.ref}`);
const bodies = async (db: Executor, id: number) => (await timeline(db, id)).map((e) => e.body);

describe('sync of merges and identity checks', () => {
  it('carries a merge made offline: the source closed with its note, the duplicate link, on every desk', async () => {
    const server = await serverDesk();
    const boss = await ensureTechnician(server.db, SAM);
    const dup = (await createTicket(server.db, validateTicketInput({ title: 'Printer jam again' }), boss)).ticket.id;
    const main = (await createTicket(server.db, validateTicketInput({ title: 'Printer jam' }), boss)).ticket.id;
    await addInteraction(server.db, dup, { kind: 'note', body: 'toner everywhere' }, boss, T);
    const a = await replicaOf(server);
    const b = await replicaOf(server);
    const sam = await ensureTechnician(a.desk.db, SAM);
    const kim = await ensureTechnician(b.desk.db, KIM);
    // B notes the duplicate offline before A merges it, and syncs after: its note follows the merge too.
    await addInteraction(b.desk.db, dup, { kind: 'note', body: 'tray 2 too' }, kim, T + 1);
    await mergeTickets(a.desk.db, [dup], main, sam, T + 2);
    await syncNow(a.desk.db, server.db);
    await syncNow(b.desk.db, server.db);
    await syncNow(a.desk.db, server.db);

    for (const desk of [server, a.desk, b.desk]) {
      expect((await getTicket(desk.db, dup)).status).toBe('closed');
      expect(await links(desk.db, dup)).toEqual(['duplicate of HD-2']);
      expect(await links(desk.db, main)).toEqual(['duplicated by HD-1']);
      expect(await bodies(desk.db, dup)).toContainEqual(expect.stringMatching(/^Merged into HD-2: /));
      expect(await bodies(desk.db, main)).toContainEqual(expect.stringMatching(/^Merged HD-1 “Printer jam again” into this ticket/));
      expect((await bodies(desk.db, main)).filter((t) => !t.startsWith('Merged'))).toEqual(['toner everywhere', 'tray 2 too']);
      expect((await bodies(desk.db, dup)).filter((t) => !t.startsWith('Merged'))).toEqual([]);
    }
    // Merging it again on the other laptop is refused there as well: it knows the merge.
    await expect(mergeTickets(b.desk.db, [dup], main, kim)).rejects.toThrow('HD-1 is already merged into HD-2');
  });

  it('carries identity checks made offline to every desk once, so the server may resolve the request', async () => {
    const server = await serverDesk();
    const boss = await ensureTechnician(server.db, SAM);
    const input = validateTicketInput({ title: 'Reset', requester: 'Ana Silva <ana@example.com>' });
    const template = await templateBySlug(server.db, 'password-reset');
    const req = (await createRequest(server.db, template, { account: 'ana' }, input, boss)).ticket.id;
    const a = await replicaOf(server);
    const b = await replicaOf(server);
    const sam = await ensureTechnician(a.desk.db, SAM);
    await recordVerification(a.desk.db, req, 'callback', sam, T, 'called 555-0101');
    await syncNow(a.desk.db, server.db);
    await syncNow(b.desk.db, server.db);
    await syncNow(a.desk.db, server.db);
    const later = await replicaOf(server); // a laptop made a replica afterwards copies the check

    for (const desk of [server, a.desk, b.desk, later.desk])
      expect(await verificationsOf(desk.db, req)).toEqual([{ method: 'callback', verifiedBy: 'Sam Ito', verifiedAt: T }]);
    for (const desk of [server, a.desk, b.desk]) {
      const events = (await ticketHistory(desk.db, req)).filter((e) => e.action === 'verify');
      expect(events.map((e) => e.new_value)).toEqual(['callback', 'called 555-0101']);
    }
    // The server's guard now sees the check: only the open required items stand in the way (forced, with a reason).
    await updateTicket(server.db, req, { status: 'resolved', resolution: 'reset done' }, boss, { force: 'done by phone' });
    expect((await getTicket(server.db, req)).status).toBe('resolved');
  });
});
