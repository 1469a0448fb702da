/**
 * The report queries against a real temp database with hand-built tickets at fixed instants.
 * NOW is Monday 16 March 2026 12:00Z; the calendar is Mon–Fri 09:00–17:00 UTC.
 */
import { describe, expect, it } from 'vitest';
import type { NewTicket } from '../../src/db/schema.js';
import { DEFAULT_CALENDAR } from '../../src/domain/sla/index.js';
import { PRIORITY_RANK, type Priority } from '../../src/domain/ticket.js';
import { addInteraction } from '../../src/store/interactions.js';
import type { Executor } from '../../src/store/executor.js';
import { backlogReport } from '../../src/store/reports-backlog.js';
import { slaReport } from '../../src/store/reports-sla.js';
import { timesReport } from '../../src/store/reports-times.js';
import { volumeReport } from '../../src/store/reports-volume.js';
import { workloadReport } from '../../src/store/reports-workload.js';
import { tempDb } from '../helpers/temp.js';

const H = 3_600_000;
const D = 24 * H;
const NOW = Date.UTC(2026, 2, 16, 12);
const SINCE = NOW - 30 * D;

type T = Partial<NewTicket> & { id: number; created_at: number; status: string; priority: Priority };
const ticket = (t: T): NewTicket => ({
  title: `Ticket ${t.id}`,
  description: '',
  category: 'network',
  channel: 'email',
  tier: 'L1',
  requester_id: null,
  assignee_id: null,
  updated_at: t.created_at,
  first_response_at: null,
  resolved_at: null,
  closed_at: null,
  first_response_due_at: null,
  resolution_due_at: null,
  next_due_at: null,
  resolution: null,
  priority_rank: PRIORITY_RANK[t.priority],
  ...t,
});

/** Nine tickets; see each line for the figures they feed. Ana=1, Bo=2, Cy=3 (inactive), Dee=4 (inactive). */
async function seed(db: Executor): Promise<void> {
  await db
    .insertInto('technicians')
    .values([
      { id: 1, name: 'Ana', email: 'ana@example.com', tier: 'L1', active: 1, created_at: 0 },
      { id: 2, name: 'Bo', email: 'bo@example.com', tier: 'L2', active: 1, created_at: 0 },
      { id: 3, name: 'Cy', email: 'cy@example.com', tier: 'L1', active: 0, created_at: 0 },
      { id: 4, name: 'Dee', email: 'dee@example.com', tier: 'L3', active: 0, created_at: 0 },
    ])
    .execute();
  const c2 = NOW - 2 * D,
    c3 = NOW - 3 * D,
    c10 = NOW - 10 * D,
    c20 = NOW - 20 * D,
    c1 = NOW - D;
  const c9 = Date.UTC(2026, 2, 13, 2); // Fri 02:00Z = Thu 22:00 in New York
  await db
    .insertInto('tickets')
    .values([
      // new, <1d; FR still running past due → breached
      ticket({
        id: 1,
        created_at: NOW - 2 * H,
        status: 'new',
        priority: 'urgent',
        first_response_due_at: NOW - H,
        resolution_due_at: NOW + 2 * H,
      }),
      // Sat; open 1–3d; FR met (0 business h); resolution running past due → breached
      ticket({
        id: 2,
        created_at: c2,
        status: 'open',
        priority: 'high',
        assignee_id: 1,
        first_response_at: c2 + H,
        first_response_due_at: c2 + 4 * H,
        resolution_due_at: NOW - H,
      }),
      // pending 3–7d, clocks paused (no due): counted nowhere in SLA
      ticket({ id: 3, created_at: NOW - 5 * D, status: 'pending', priority: 'normal', category: 'printer', assignee_id: 1 }),
      // Fri 6 Mar 12:00; on hold 1–4w; FR at Sat 08:00 (5 business h), late → breached
      ticket({
        id: 4,
        created_at: c10,
        status: 'on_hold',
        priority: 'low',
        category: 'hardware',
        tier: 'L2',
        assignee_id: 2,
        first_response_at: c10 + 20 * H,
        first_response_due_at: c10 + 16 * H,
        resolution_due_at: NOW + 5 * D,
      }),
      // open >4w, created before the 30-day period
      ticket({
        id: 5,
        created_at: NOW - 40 * D,
        status: 'open',
        priority: 'normal',
        category: 'printer',
        assignee_id: 2,
        first_response_at: NOW - 40 * D + H,
        first_response_due_at: NOW - 39 * D,
      }),
      // Fri 13 Mar 12:00; FR 2 h met; resolved 18:00 (5 business h) met
      ticket({
        id: 6,
        created_at: c3,
        status: 'resolved',
        priority: 'high',
        assignee_id: 1,
        first_response_at: c3 + 2 * H,
        first_response_due_at: c3 + 4 * H,
        resolved_at: c3 + 6 * H,
        resolution_due_at: c3 + 8 * H,
      }),
      // Tue 24 Feb 12:00; closed without a reply (FR not counted); resolved Wed 18:00 (13 business h) late → breached
      ticket({
        id: 7,
        created_at: c20,
        status: 'closed',
        priority: 'normal',
        category: 'email',
        assignee_id: 2,
        first_response_due_at: c20 + 8 * H,
        resolved_at: c20 + 30 * H,
        closed_at: c20 + 31 * H,
        resolution_due_at: c20 + 24 * H,
      }),
      // Sun; open 1–3d (exactly one day old); FR exactly at due → met (0 business h)
      ticket({
        id: 8,
        created_at: c1,
        status: 'open',
        priority: 'high',
        category: 'email',
        assignee_id: 1,
        first_response_at: c1 + 4 * H,
        first_response_due_at: c1 + 4 * H,
        resolution_due_at: NOW + H,
      }),
      // Fri 02:00; FR 10:30 (1.5 business h) met; resolved 11:00 (2 business h) met
      ticket({
        id: 9,
        created_at: c9,
        status: 'resolved',
        priority: 'normal',
        category: 'software',
        tier: 'L2',
        assignee_id: 2,
        first_response_at: c9 + 8.5 * H,
        first_response_due_at: c9 + 15 * H,
        resolved_at: c9 + 9 * H,
        resolution_due_at: NOW + 2 * D,
      }),
    ])
    .execute();
  const note = (ticket_id: number, author_id: number | null, minutes: number, created_at: number) => ({
    ticket_id,
    author_id,
    author_name: author_id ? `#${author_id}` : 'requester',
    kind: author_id ? 'note' : 'email_in',
    body: 'x',
    minutes,
    created_at,
  });
  await db
    .insertInto('interactions')
    .values([
      note(2, 1, 30, c2 + H),
      note(6, 1, 45, c3 + 2 * H),
      note(7, 2, 20, c20 + 30 * H),
      note(4, 2, 60, c10 + 20 * H),
      note(5, 3, 15, NOW - 35 * D),
      note(5, 3, 10, NOW - 5 * D),
      note(5, 4, 90, NOW - 35 * D),
      note(2, null, 0, c2 + 2 * H),
      note(2, 1, 5, NOW), // at `until`: outside [since, until)
    ])
    .execute();
}

async function seeded(): Promise<Executor> {
  const { db } = await tempDb();
  await seed(db);
  return db;
}

describe('backlogReport', () => {
  it('counts open tickets by status × priority and age, zero statuses included', async () => {
    const db = await seeded();
    const r = await backlogReport(db, { by: null, since: null, until: NOW, now: NOW });
    expect(
      r.rows.map((x) => [x.status, x.byPriority.urgent, x.byPriority.high, x.byPriority.normal, x.byPriority.low, x.total, ...x.byAge]),
    ).toEqual([
      ['new', 1, 0, 0, 0, 1, 1, 0, 0, 0, 0],
      ['open', 0, 2, 1, 0, 3, 0, 2, 0, 0, 1],
      ['pending', 0, 0, 1, 0, 1, 0, 0, 1, 0, 0],
      ['on_hold', 0, 0, 0, 1, 1, 0, 0, 0, 1, 0],
    ]);
    expect(r.total).toMatchObject({ total: 6, byPriority: { urgent: 1, high: 2, normal: 2, low: 1 }, byAge: [1, 2, 1, 1, 1] });
  });

  it('limits by creation period and groups rows by assignee, unassigned last', async () => {
    const db = await seeded();
    const r = await backlogReport(db, { by: 'assignee', since: SINCE, until: NOW, now: NOW });
    expect(r.rows.map((x) => [x.group, x.status, x.total])).toEqual([
      ['Ana', 'open', 2],
      ['Ana', 'pending', 1],
      ['Bo', 'on_hold', 1],
      ['unassigned', 'new', 1],
    ]);
    expect(r.total.total).toBe(5); // HD-5 was created before the period
  });

  it('is empty on an empty desk', async () => {
    const { db } = await tempDb();
    const r = await backlogReport(db, { by: null, since: null, until: NOW, now: NOW });
    expect(r.rows.map((x) => x.total)).toEqual([0, 0, 0, 0]);
    expect((await backlogReport(db, { by: 'category', since: null, until: NOW, now: NOW })).rows).toEqual([]);
  });
});

describe('slaReport', () => {
  it('computes compliance over tickets created in the period', async () => {
    const db = await seeded();
    const r = await slaReport(db, { by: null, since: SINCE, until: NOW, now: NOW });
    expect(r.total).toEqual({
      group: 'all',
      tickets: 8,
      firstResponseMet: 4,
      firstResponseBreached: 2,
      firstResponsePct: 66.7,
      resolutionMet: 2,
      resolutionBreached: 2,
      resolutionPct: 50,
    });
  });

  it('groups by priority in priority order', async () => {
    const db = await seeded();
    const r = await slaReport(db, { by: 'priority', since: SINCE, until: NOW, now: NOW });
    expect(
      r.rows.map((x) => [
        x.group,
        x.tickets,
        x.firstResponseMet,
        x.firstResponseBreached,
        x.firstResponsePct,
        x.resolutionMet,
        x.resolutionBreached,
        x.resolutionPct,
      ]),
    ).toEqual([
      ['urgent', 1, 0, 1, 0, 0, 0, null],
      ['high', 3, 3, 0, 100, 1, 1, 50],
      ['normal', 3, 1, 0, 100, 1, 1, 50],
      ['low', 1, 0, 1, 0, 0, 0, null],
    ]);
  });

  it('judges running clocks at now: before HD-1 was due, it was not breached', async () => {
    const db = await seeded();
    const r = await slaReport(db, { by: 'priority', since: SINCE, until: NOW, now: NOW - 90 * 60_000 });
    expect(r.rows[0]).toMatchObject({ group: 'urgent', firstResponseBreached: 0, firstResponsePct: null });
  });
});

describe('timesReport', () => {
  it('gives median and p90 in business hours, the same for any page size', async () => {
    const db = await seeded();
    for (const pageSize of [2, 5000]) {
      const r = await timesReport(db, { by: null, since: SINCE, until: NOW, hours: DEFAULT_CALENDAR, pageSize });
      expect(r.total).toEqual({
        group: 'all',
        responded: 5,
        firstResponseMedianMs: 1.5 * H,
        firstResponseP90Ms: 3.8 * H,
        resolved: 3,
        resolutionMedianMs: 5 * H,
        resolutionP90Ms: 11.4 * H,
      });
    }
  });

  it('groups by priority, keeping groups with nothing answered', async () => {
    const db = await seeded();
    const r = await timesReport(db, { by: 'priority', since: SINCE, until: NOW, hours: DEFAULT_CALENDAR, pageSize: 3 });
    const hours = (ms: number | null) => (ms === null ? null : Math.round((ms / H) * 100) / 100);
    expect(
      r.rows.map((x) => [
        x.group,
        x.responded,
        hours(x.firstResponseMedianMs),
        hours(x.firstResponseP90Ms),
        x.resolved,
        hours(x.resolutionMedianMs),
        hours(x.resolutionP90Ms),
      ]),
    ).toEqual([
      ['urgent', 0, null, null, 0, null, null],
      ['high', 3, 0, 1.6, 1, 5, 5],
      ['normal', 1, 1.5, 1.5, 2, 7.5, 11.9],
      ['low', 1, 5, 5, 0, null, null],
    ]);
  });

  it('counts around the clock when given no calendar', async () => {
    const db = await seeded();
    const r = await timesReport(db, { by: null, since: NOW - 4 * D, until: NOW, hours: null });
    // HD-2 1 h, HD-6 2 h, HD-8 4 h, HD-9 8.5 h → median 3 h; resolutions 6 h and 9 h.
    expect(r.total).toMatchObject({ responded: 4, firstResponseMedianMs: 3 * H, resolved: 2, resolutionMedianMs: 7.5 * H });
  });
});

describe('volumeReport', () => {
  it('lists created and resolved per UTC day, zero days included', async () => {
    const db = await seeded();
    const rows = await volumeReport(db, { since: Date.UTC(2026, 2, 12), until: NOW, tz: 'UTC' });
    expect(rows).toEqual([
      { date: '2026-03-12', created: 0, resolved: 0 },
      { date: '2026-03-13', created: 2, resolved: 2 },
      { date: '2026-03-14', created: 1, resolved: 0 },
      { date: '2026-03-15', created: 1, resolved: 0 },
      { date: '2026-03-16', created: 1, resolved: 0 },
    ]);
  });

  it('counts days in the report zone', async () => {
    const db = await seeded();
    // New York is UTC-4 after 8 March 2026: HD-9 (Fri 02:00Z) was created on Thursday evening there.
    const rows = await volumeReport(db, { since: Date.UTC(2026, 2, 12, 4), until: NOW, tz: 'America/New_York' });
    expect(rows.map((r) => [r.date, r.created, r.resolved])).toEqual([
      ['2026-03-12', 1, 0],
      ['2026-03-13', 1, 2],
      ['2026-03-14', 1, 0],
      ['2026-03-15', 1, 0],
      ['2026-03-16', 1, 0],
    ]);
  });
});

describe('workloadReport', () => {
  it('sums open, resolved and minutes per technician; inactive ones only with figures', async () => {
    const db = await seeded();
    const rows = await workloadReport(db, { since: SINCE, until: NOW });
    expect(rows.map((r) => [r.technician, r.tier, r.open, r.resolved, r.minutes])).toEqual([
      ['Ana', 'L1', 3, 1, 75],
      ['Bo', 'L2', 2, 2, 80],
      ['Cy', 'L1', 0, 0, 10],
      ['unassigned', null, 1, 0, 0],
    ]);
  });

  it('adds the minutes logged through addInteraction', async () => {
    const db = await seeded();
    await addInteraction(db, 3, { kind: 'call', body: 'Called about the printer', minutes: 25 }, { id: 2, name: 'Bo' }, NOW - H);
    const rows = await workloadReport(db, { since: NOW - 2 * H, until: NOW });
    expect(rows.map((r) => [r.technician, r.resolved, r.minutes])).toEqual([
      ['Ana', 0, 0],
      ['Bo', 0, 25],
      ['unassigned', 0, 0],
    ]);
  });
});
