/** The automatic rules (issue 18): each fires once, and each change is an audit event naming its rule. */
import { describe, expect, it } from 'vitest';
import { automationSettings, DEFAULT_AUTOMATION } from '../../src/domain/automation-rules.js';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { addInteraction } from '../../src/store/interactions.js';
import { runMaintenance } from '../../src/store/maintain.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { updateTicket } from '../../src/store/ticket-changes.js';
import { getTicket } from '../../src/store/ticket-view.js';
import { createTicket } from '../../src/store/tickets.js';
import { sql } from 'kysely';
import { countOf, rowsOf } from '../helpers/db-rows.js';
import { tempDb, type Desk } from '../helpers/temp.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 9);
const REQUESTER = { id: null, name: 'Ana Silva' };

async function ticket(desk: Desk, status: 'new' | 'pending' | 'resolved', at: number) {
  const me = await ensureTechnician(desk.db, { name: 'Sam', email: 'sam@example.com', tier: 'L1' });
  const input = validateTicketInput({ title: `A ${status} ticket`, requester: 'Ana Silva <ana@example.com>' });
  const { ticket: t } = await createTicket(desk.db, input, me, at);
  if (status === 'pending') await updateTicket(desk.db, t.id, { status: 'pending' }, me, { now: at });
  if (status === 'resolved') await updateTicket(desk.db, t.id, { status: 'resolved', resolution: 'Fixed' }, me, { now: at });
  return { id: t.id, me };
}

const ruleEvents = (desk: Desk, id: number) =>
  rowsOf(
    desk.db,
    sql`SELECT actor, action, field, old_value, new_value FROM audit_events WHERE ticket_id = ${id} AND action LIKE 'rule:%' ORDER BY id`,
  );

describe('event rules', () => {
  it('a requester reply reopens pending and resolved tickets; a first public reply opens a new one; each once, audited', async () => {
    const desk = await tempDb();
    const pending = await ticket(desk, 'pending', T0);
    const resolved = await ticket(desk, 'resolved', T0);
    const fresh = await ticket(desk, 'new', T0);
    for (const { id } of [pending, resolved]) {
      await addInteraction(desk.db, id, { kind: 'email_in', body: 'Still broken' }, REQUESTER, T0 + 1000);
      await addInteraction(desk.db, id, { kind: 'email_in', body: 'Hello?' }, REQUESTER, T0 + 2000);
    }
    await addInteraction(desk.db, fresh.id, { kind: 'reply', body: 'Looking at it' }, fresh.me, T0 + 1000);
    await addInteraction(desk.db, fresh.id, { kind: 'reply', body: 'Still looking' }, fresh.me, T0 + 2000);
    for (const { id } of [pending, resolved, fresh]) expect((await getTicket(desk.db, id)).status).toBe('open');
    expect(await ruleEvents(desk, pending.id)).toEqual([
      { actor: 'system', action: 'rule:requester-reply-reopens', field: 'status', old_value: 'pending', new_value: 'open' },
    ]);
    expect(await ruleEvents(desk, resolved.id)).toEqual([
      { actor: 'system', action: 'rule:requester-reply-reopens', field: 'status', old_value: 'resolved', new_value: 'open' },
    ]);
    expect(await ruleEvents(desk, fresh.id)).toEqual([
      { actor: 'system', action: 'rule:first-public-reply-opens', field: 'status', old_value: 'new', new_value: 'open' },
    ]);
  });
});

describe('deskline maintain', () => {
  it('closes resolved tickets after N days and reminds pending ones once per wait', async () => {
    const desk = await tempDb();
    const old = await ticket(desk, 'resolved', T0);
    const young = await ticket(desk, 'resolved', T0 + 5 * DAY);
    const waiting = await ticket(desk, 'pending', T0);
    const now = T0 + 8 * DAY;
    const first = await runMaintenance(desk.db, DEFAULT_AUTOMATION, now);
    expect(first.fired).toEqual({ 'resolved-closes': 1, 'pending-reminds': 1 });
    expect((await getTicket(desk.db, old.id)).status).toBe('closed');
    expect((await getTicket(desk.db, young.id)).status).toBe('resolved');
    expect(await ruleEvents(desk, old.id)).toEqual([
      { actor: 'system', action: 'rule:resolved-closes', field: 'status', old_value: 'resolved', new_value: 'closed' },
    ]);
    expect(await ruleEvents(desk, waiting.id)).toEqual([
      { actor: 'system', action: 'rule:pending-reminds', field: 'reminder', old_value: null, new_value: 'sent' },
    ]);
    const reminders = () => countOf(desk.db, 'interactions', sql`ticket_id = ${waiting.id} AND kind = 'reply'`);
    expect(await reminders()).toBe(1);

    // Run again, and again later: nothing fires twice.
    expect((await runMaintenance(desk.db, DEFAULT_AUTOMATION, now)).fired).toEqual({ 'resolved-closes': 0, 'pending-reminds': 0 });
    expect((await runMaintenance(desk.db, DEFAULT_AUTOMATION, now + 5 * DAY)).fired).toEqual({
      'resolved-closes': 1,
      'pending-reminds': 0,
    });
    expect(await reminders()).toBe(1);

    // A new wait (the requester answered, the technician asked again) earns a new reminder after M days.
    await addInteraction(desk.db, waiting.id, { kind: 'email_in', body: 'Here it is' }, REQUESTER, now + 6 * DAY);
    await updateTicket(desk.db, waiting.id, { status: 'pending' }, waiting.me, { now: now + 6 * DAY });
    expect((await runMaintenance(desk.db, DEFAULT_AUTOMATION, now + 12 * DAY)).fired['pending-reminds']).toBe(1);
    expect(await reminders()).toBe(2);
    expect((await runMaintenance(desk.db, DEFAULT_AUTOMATION, now + 13 * DAY)).fired['pending-reminds']).toBe(0);
  });

  it('closes pending tickets instead when configured, and in batches', async () => {
    const desk = await tempDb();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await ticket(desk, 'pending', T0 + i)).id);
    const settings = automationSettings({
      'workflow.pendingAction': 'close',
      'workflow.pendingDays': '2',
      'workflow.closeResolvedDays': 0,
    });
    expect(settings).toEqual({ closeResolvedDays: 0, pendingDays: 2, pendingAction: 'close' });
    expect((await runMaintenance(desk.db, settings, T0 + 2 * DAY + 10, 2)).fired).toEqual({ 'pending-closes': 5 });
    for (const id of ids) {
      const t = await getTicket(desk.db, id);
      expect([t.status, t.closed_at, t.next_due_at]).toEqual(['closed', T0 + 2 * DAY + 10, null]);
      expect(await ruleEvents(desk, id)).toHaveLength(1);
    }
    expect((await runMaintenance(desk.db, settings, T0 + 9 * DAY)).fired).toEqual({ 'pending-closes': 0 });
  });
});
