import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/domain/sla/policy.js';
import { addInteraction } from '../../src/store/interactions.js';
import { listBreaches, sweepBreaches } from '../../src/store/sla-breaches.js';
import { addHoliday, getCalendar, loadSlaConfig, removeHoliday, setCalendar, setPolicy } from '../../src/store/sla-config.js';
import { explainTicket, recomputeAll, recomputeDue } from '../../src/store/sla.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { updateTicket } from '../../src/store/ticket-changes.js';
import { reopen, resolve } from '../../src/store/ticket-workflows.js';
import { createTicket } from '../../src/store/tickets.js';
import { at, input, iso, slaDesk } from './sla-helpers.js';

async function due(db: Awaited<ReturnType<typeof slaDesk>>['db'], id: number, now: number) {
  await recomputeDue(db, id, now);
  const t = await db
    .selectFrom('tickets')
    .select(['first_response_due_at', 'resolution_due_at', 'next_due_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { fr: iso(t.first_response_due_at), res: iso(t.resolution_due_at), next: iso(t.next_due_at) };
}

describe('sla store', () => {
  it('seeds the default policy and a UTC Mon–Fri 09:00–17:00 calendar', async () => {
    const { db } = await slaDesk();
    const config = await loadSlaConfig(db);
    expect(config.policy).toEqual(DEFAULT_POLICY);
    expect(config.calendars.high).toMatchObject({ name: 'default', tz: 'UTC', week: { mon: ['09:00-17:00'], sat: [] }, holidays: [] });
  });

  it('follows a ticket through reply, pause, resolve and reopen', async () => {
    const { db } = await slaDesk();
    const tech = await ensureTechnician(db, { name: 'Sam', email: 'sam@example.com', tier: 'L1' });
    const { ticket } = await createTicket(db, input('VPN down', 'high'), tech, at('2026-01-16T18:30:00Z'));
    expect(await due(db, ticket.id, at('2026-01-16T18:30:00Z'))).toEqual({
      fr: '2026-01-19T13:00:00.000Z',
      res: '2026-01-19T17:00:00.000Z',
      next: '2026-01-19T13:00:00.000Z',
    });

    await addInteraction(db, ticket.id, { kind: 'reply', body: 'Looking into it' }, tech, at('2026-01-19T09:30:00Z'));
    await updateTicket(db, ticket.id, { status: 'pending' }, tech, { now: at('2026-01-19T10:00:00Z') });
    expect(await due(db, ticket.id, at('2026-01-19T10:00:00Z'))).toEqual({ fr: '2026-01-19T13:00:00.000Z', res: null, next: null });

    // Counted Mon 09:00–10:00 (1 h); resumes Tue 10:00 with 7 h left → Tue 17:00.
    await updateTicket(db, ticket.id, { status: 'open' }, tech, { now: at('2026-01-20T10:00:00Z') });
    expect((await due(db, ticket.id, at('2026-01-20T10:00:00Z'))).next).toBe('2026-01-20T17:00:00.000Z');

    // Resolved Tue 12:00 (3 h counted), reopened Wed 09:00 with 5 h left → Wed 14:00.
    await resolve(db, ticket.id, 'Re-issued the certificate', tech, { now: at('2026-01-20T12:00:00Z') });
    expect((await due(db, ticket.id, at('2026-01-20T12:00:00Z'))).next).toBeNull();
    await reopen(db, ticket.id, 'Back again', tech, { now: at('2026-01-21T09:00:00Z') });
    expect(await due(db, ticket.id, at('2026-01-21T09:00:00Z'))).toEqual({
      fr: '2026-01-19T13:00:00.000Z',
      res: '2026-01-21T14:00:00.000Z',
      next: '2026-01-21T14:00:00.000Z',
    });

    const why = await explainTicket(db, ticket.id, at('2026-01-21T13:00:00Z'));
    expect(why.lines[1]).toMatch(/^first response: met: replied/);
    expect(why.lines[2]).toBe('resolution: running: 1h 00m business time left, due Wed 21 Jan 2026 14:00 (at risk: under 25% left)');
    expect(why.lines).toContain('paused 1 time(s): pending Mon 19 Jan 2026 10:00 → Tue 20 Jan 2026 10:00');
  });

  it('records each breach once, at the missed due time, and lists it', async () => {
    const { db } = await slaDesk();
    const tech = await ensureTechnician(db, { name: 'Sam', email: 'sam@example.com', tier: 'L1' });
    const slow = (await createTicket(db, input('Printer offline'), tech, at('2026-01-19T09:00:00Z'))).ticket;
    const late = (await createTicket(db, input('Mail bounce', 'high'), tech, at('2026-01-19T09:00:00Z'))).ticket;
    // A reply after the 13:00 due time breaches first response when it is written.
    await addInteraction(db, late.id, { kind: 'reply', body: 'On it' }, tech, at('2026-01-19T15:00:00Z'));
    await recomputeDue(db, late.id, at('2026-01-19T15:00:00Z'));

    // The sweep finds clocks still running past due: the normal ticket's first response and the
    // high ticket's resolution (8 h: Mon 17:00). The normal resolution (24 h) is due Wed 17:00.
    const first = await sweepBreaches(db, at('2026-01-21T12:00:00Z'));
    expect(first.breaches).toBe(2);
    expect((await sweepBreaches(db, at('2026-01-21T12:30:00Z'))).breaches).toBe(0);
    const rows = db
      .selectFrom('audit_events')
      .select(['ticket_id', 'field', 'at', 'actor', 'new_value'])
      .where('action', '=', 'sla_breach')
      .orderBy('ticket_id');
    expect((await rows.execute()).map((r) => ({ ...r, at: iso(r.at) }))).toEqual([
      { ticket_id: slow.id, field: 'first_response', at: '2026-01-19T17:00:00.000Z', actor: 'system', new_value: 'normal' },
      { ticket_id: late.id, field: 'first_response', at: '2026-01-19T13:00:00.000Z', actor: 'system', new_value: 'high' },
      { ticket_id: late.id, field: 'resolution', at: '2026-01-19T17:00:00.000Z', actor: 'system', new_value: 'high' },
    ]);
    const listed = await listBreaches(db, at('2026-01-19T14:00:00Z'));
    expect(listed.map((b) => [b.ref, b.clock])).toEqual([
      [late.ref, 'resolution'],
      [slow.ref, 'first_response'],
    ]);
  });

  it('recomputes every ticket after a calendar or policy change', async () => {
    const { db } = await slaDesk();
    const tech = await ensureTechnician(db, { name: 'Sam', email: 'sam@example.com', tier: 'L1' });
    const { ticket } = await createTicket(db, input('Laptop slow', 'low'), tech, at('2026-01-19T09:00:00Z'));
    await recomputeDue(db, ticket.id, at('2026-01-19T09:00:00Z'));
    await setCalendar(db, 'default', { tz: 'America/New_York', hours: ['mon-thu=08:00-16:00', 'fri=off'] });
    const result = await recomputeAll(db, { now: at('2026-01-19T09:00:00Z') });
    expect(result).toMatchObject({ tickets: 1, changed: 1 });
    // Created Mon 04:00 New York; 16 h: Mon 08–16, Tue 08–16 → Tue 16:00 EST = 21:00Z.
    expect((await due(db, ticket.id, at('2026-01-19T09:00:00Z'))).fr).toBe('2026-01-20T21:00:00.000Z');
    await setPolicy(db, 'low', { is24x7: true, firstResponseMinutes: 120 });
    await recomputeAll(db, { now: at('2026-01-19T09:00:00Z') });
    expect((await due(db, ticket.id, at('2026-01-19T09:00:00Z'))).fr).toBe('2026-01-19T11:00:00.000Z');
  });

  it('edits holidays and refuses bad settings with one clear message', async () => {
    const { db } = await slaDesk();
    await addHoliday(db, 'default', '2026-12-25', 'Christmas Day');
    await expect(addHoliday(db, 'default', '2026-12-25', 'Again')).rejects.toThrow(
      '2026-12-25 is already a holiday in default (Christmas Day)',
    );
    expect((await getCalendar(db)).holidays).toEqual([{ date: '2026-12-25', name: 'Christmas Day' }]);
    await removeHoliday(db, 'default', '2026-12-25');
    await expect(removeHoliday(db, 'default', '2026-12-25')).rejects.toThrow('2026-12-25 is not a holiday in default');
    await expect(addHoliday(db, 'default', '2026-13-01', 'x')).rejects.toThrow(/not a date/);
    await expect(setPolicy(db, 'p1', {})).rejects.toThrow(/priority: must be one of/);
    await expect(setPolicy(db, 'high', { firstResponseMinutes: 900 })).rejects.toThrow(
      'high: first response (15h) is longer than resolution (8h)',
    );
    await expect(setPolicy(db, 'high', { calendar: 'nope' })).rejects.toThrow("no sla calendar named 'nope'");
    await expect(setCalendar(db, 'default', { tz: 'Mars/Base' })).rejects.toThrow(/time zone 'Mars\/Base' is unknown/);
    await expect(setCalendar(db, 'default', { hours: ['mon-sun=off'] })).rejects.toThrow(/no working hours/);
  });
});
