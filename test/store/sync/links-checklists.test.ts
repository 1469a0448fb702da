/**
 * Links and checklists travel (issue 22): made offline they reach the server and the other laptop; a
 * link or parent made offline ends at the server's number; concurrent links, parents and ticks end as the
 * later by clock, everywhere, whatever the order the desks synced in.
 */
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../../src/domain/ticket-input.js';
import { templateBySlug } from '../../../src/io/template-files.js';
import { checklistOf, setItemDone } from '../../../src/store/checklists.js';
import { setParent } from '../../../src/store/incidents.js';
import { createRequest } from '../../../src/store/requests.js';
import type { Executor } from '../../../src/store/executor.js';
import { syncNow } from '../../../src/store/sync/replica.js';
import { syncStatus } from '../../../src/store/sync/status.js';
import { ensureTechnician } from '../../../src/store/technicians.js';
import { linksOf, linkTickets, unlinkTickets } from '../../../src/store/ticket-links.js';
import { getTicket } from '../../../src/store/ticket-view.js';
import { createTicket } from '../../../src/store/tickets.js';
import { replicaOf, serverDesk } from '../../helpers/sync-desks.js';

const SAM = { name: 'Sam Ito', email: 'sam@example.com', tier: 'L1' };
const KIM = { name: 'Kim Ode', email: 'kim@example.com', tier: 'L1' };
const T = 1_800_000_000_000;

const links = async (db: Executor, id: number) => (await linksOf(db, id)).map((l) => `${l.label} ${l.ref}`);
const ticks = async (db: Executor, id: number) => (await checklistOf(db, id)).map((i) => (i.doneAt === null ? 'open' : i.doneBy));

describe('sync of links and checklists', () => {
  it('carries a request and a link made offline to the server and the other laptop, the link following the new number', async () => {
    const server = await serverDesk();
    const boss = await ensureTechnician(server.db, SAM);
    const vpn = (await createTicket(server.db, validateTicketInput({ title: 'VPN drops' }), boss)).ticket;
    const a = await replicaOf(server);
    const b = await replicaOf(server);
    const sam = await ensureTechnician(a.desk.db, SAM);
    const input = validateTicketInput({ title: 'Password reset: ana', requester: 'Ana Silva <ana@example.com>' });
    const made = (await createRequest(a.desk.db, await templateBySlug(a.desk.db, 'password-reset'), { account: 'ana' }, input, sam)).ticket;
    expect(made.ref).toBe(`HD-~${a.device}-1`);
    await setItemDone(a.desk.db, made.id, 1, true, sam);
    await linkTickets(a.desk.db, vpn.id, made.id, 'relates', sam);
    await setParent(a.desk.db, made.id, [vpn.id], sam);
    expect(await links(a.desk.db, vpn.id)).toEqual([`relates to HD-~${a.device}-1`]);
    expect((await syncStatus(a.desk.db))!.waiting).toBe(5); // create, checklist, check, link, parent

    await syncNow(a.desk.db, server.db);
    await syncNow(b.desk.db, server.db);
    const items = await checklistOf(server.db, 2);
    expect(items.length).toBeGreaterThan(0);
    for (const desk of [server, a.desk, b.desk]) {
      expect(await links(desk.db, vpn.id)).toEqual(['relates to HD-2']);
      expect(await links(desk.db, 2)).toEqual(['relates to HD-1']);
      expect((await getTicket(desk.db, vpn.id)).parent_id).toBe(2);
      expect(await ticks(desk.db, 2)).toEqual(items.map((_, i) => (i === 0 ? 'Sam Ito' : 'open')));
      expect((await checklistOf(desk.db, 2)).map((i) => i.text)).toEqual(items.map((i) => i.text));
    }
    // Applied again (a sync with nothing new) changes nothing; the server's own link reaches the laptops.
    await linkTickets(server.db, 2, vpn.id, 'duplicate-of', boss);
    await syncNow(a.desk.db, server.db);
    await syncNow(b.desk.db, server.db);
    for (const desk of [server, a.desk, b.desk]) expect(await links(desk.db, 2)).toEqual(['duplicate of HD-1']);
  });

  it('ends concurrent links and ticks as the later by clock on every desk', async () => {
    const server = await serverDesk();
    const boss = await ensureTechnician(server.db, SAM);
    const x = (await createTicket(server.db, validateTicketInput({ title: 'X' }), boss)).ticket.id;
    const y = (await createTicket(server.db, validateTicketInput({ title: 'Y' }), boss)).ticket.id;
    const z = (await createTicket(server.db, validateTicketInput({ title: 'Z' }), boss)).ticket.id;
    const input = validateTicketInput({ title: 'Reset', requester: 'Ana Silva <ana@example.com>' });
    const req = (await createRequest(server.db, await templateBySlug(server.db, 'password-reset'), { account: 'ana' }, input, boss)).ticket
      .id;
    await linkTickets(server.db, x, y, 'relates', boss, T);
    const a = await replicaOf(server);
    const b = await replicaOf(server);
    const sam = await ensureTechnician(a.desk.db, SAM);
    const kim = await ensureTechnician(b.desk.db, KIM);
    expect(await links(a.desk.db, x)).toEqual(['relates to HD-2']);

    // Both link X and Z: one link. B removes X–Y later by clock than A makes it a duplicate, but syncs first.
    await linkTickets(a.desk.db, x, z, 'relates', sam, T + 1);
    await linkTickets(b.desk.db, z, x, 'relates', kim, T + 2);
    await linkTickets(a.desk.db, x, y, 'duplicate-of', sam, T + 1);
    await unlinkTickets(b.desk.db, x, y, kim, T + 2);
    // A makes Y a child of X, B of Z, later by clock.
    await setParent(b.desk.db, z, [y], kim, T + 2);
    await setParent(a.desk.db, x, [y], sam, T + 1);
    // B ticks and unticks item 1; A ticks it later by clock. A unticks nothing; B ticks item 2 (A never did).
    await setItemDone(b.desk.db, req, 1, true, kim, { now: T + 1 });
    await setItemDone(b.desk.db, req, 1, false, kim, { now: T + 2 });
    await setItemDone(a.desk.db, req, 1, true, sam, { now: T + 3 });
    await setItemDone(b.desk.db, req, 2, true, kim, { now: T + 3 });
    await syncNow(b.desk.db, server.db);
    await syncNow(a.desk.db, server.db);
    await syncNow(b.desk.db, server.db);

    for (const desk of [server, a.desk, b.desk]) {
      expect(await links(desk.db, x)).toEqual(['relates to HD-3']);
      expect(await links(desk.db, y)).toEqual([]);
      expect((await getTicket(desk.db, y)).parent_id).toBe(z);
      expect((await ticks(desk.db, req)).slice(0, 2)).toEqual(['Sam Ito', 'Kim Ode']);
    }
  });
});
