/**
 * recomputeAll after a calendar change, over several batches: every ticket read, only what changed written,
 * nothing left to do the second time. How fast it is (rows/s at 100k) is the bench's job: bench/scenarios/sla-recompute.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Insertable } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import type { Executor } from '../../src/store/executor.js';
import { setCalendar } from '../../src/store/sla-config.js';
import { recomputeAll } from '../../src/store/sla.js';
import { isPg } from '../helpers/db-rows.js';
import { slaDesk } from './sla-helpers.js';

// The same three batches on PostgreSQL at a quarter of the rows: its per-row triggers (search index,
// summaries, change_seq) make seeding 12,000 tickets take ~25 s there, past the test's time limit.
const N = isPg ? 3_000 : 12_000;
const BATCH = isPg ? 1_250 : 5_000;
const DAY = 86_400_000;

/** N tickets over a year with 0–3 status changes each, written through kysely 500 rows at a time. */
async function seed(db: Executor): Promise<void> {
  let s = 7;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const flow = ['open', 'pending', 'open', 'resolved'];
  const tickets: Insertable<DB['tickets']>[] = [];
  const changes: Insertable<DB['audit_events']>[] = [];
  for (let id = 1; id <= N; id++) {
    const created = Date.UTC(2025, 0, 1) + Math.floor(rnd() * 365 * DAY);
    const steps = Math.floor(rnd() * 4);
    const times: number[] = [];
    for (let i = 0, at = created; i < steps; i++) times.push((at += Math.floor(rnd() * 2 * DAY)));
    const p = Math.floor(rnd() * 4);
    tickets.push({
      id,
      title: 't',
      description: '',
      tier: 'L1',
      status: steps ? flow[steps - 1]! : 'new',
      priority: ['urgent', 'high', 'normal', 'low'][p]!,
      priority_rank: p + 1,
      category: 'other',
      channel: 'cli',
      created_at: created,
      updated_at: times[steps - 1] ?? created,
      first_response_at: rnd() < 0.6 ? created + 3_600_000 : null,
    });
    times.forEach((at, i) =>
      changes.push({
        ticket_id: id,
        actor: 'x',
        at,
        action: 'update',
        field: 'status',
        old_value: i ? flow[i - 1]! : 'new',
        new_value: flow[i]!,
      }),
    );
  }
  // A statement (a transaction) per 500 rows: PostgreSQL's change_seq trigger updates one counter row per
  // ticket, and N updates of one row in one transaction cost N² (12,000 took 25 s in one).
  for (let i = 0; i < tickets.length; i += 500)
    await db
      .insertInto('tickets')
      .values(tickets.slice(i, i + 500))
      .execute();
  for (let i = 0; i < changes.length; i += 500)
    await db
      .insertInto('audit_events')
      .values(changes.slice(i, i + 500))
      .execute();
}

describe('recomputeAll', () => {
  it('recomputes after a calendar change in batches, writing only what changed', async () => {
    const { db } = await slaDesk();
    await seed(db);
    const now = Date.UTC(2026, 0, 1);
    const first = await recomputeAll(db, { now, batchSize: BATCH });
    expect(first.tickets).toBe(N);
    await setCalendar(db, 'default', { tz: 'Europe/London', hours: ['mon=08:30-12:30,13:30-17:30', 'fri=09:00-16:00'] });
    const second = await recomputeAll(db, { now, batchSize: BATCH });
    expect(second.tickets).toBe(N);
    expect(second.changed).toBeGreaterThan(N / 2);
    const unchanged = await recomputeAll(db, { now, batchSize: BATCH });
    expect(unchanged.changed).toBe(0);
    expect(unchanged.breaches).toBe(0);
  });
});
