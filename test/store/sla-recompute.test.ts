/**
 * recomputeAll after a calendar change, over several batches: every ticket read, only what changed written,
 * nothing left to do the second time. How fast it is (rows/s at 100k) is the bench's job: bench/scenarios/sla-recompute.ts.
 */
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { setCalendar } from '../../src/store/sla-config.js';
import { recomputeAll } from '../../src/store/sla.js';
import { slaDesk } from './sla-helpers.js';

const N = 12_000;
const BATCH = 5_000;
const DAY = 86_400_000;

/** N tickets over a year with 0–3 status changes each, written raw in one transaction. */
function seed(sqlite: Database.Database): void {
  let s = 7;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const ticket =
    sqlite.prepare(`INSERT INTO tickets (id, title, status, priority, priority_rank, category, channel, created_at, updated_at, first_response_at)
    VALUES (?, 't', ?, ?, ?, 'other', 'cli', ?, ?, ?)`);
  const change = sqlite.prepare(
    `INSERT INTO audit_events (ticket_id, actor, at, action, field, old_value, new_value) VALUES (?, 'x', ?, 'update', 'status', ?, ?)`,
  );
  const flow = ['open', 'pending', 'open', 'resolved'];
  sqlite.transaction(() => {
    for (let id = 1; id <= N; id++) {
      const created = Date.UTC(2025, 0, 1) + Math.floor(rnd() * 365 * DAY);
      const steps = Math.floor(rnd() * 4);
      const times: number[] = [];
      for (let i = 0, at = created; i < steps; i++) times.push((at += Math.floor(rnd() * 2 * DAY)));
      const p = Math.floor(rnd() * 4);
      const status = steps ? flow[steps - 1] : 'new';
      ticket.run(
        id,
        status,
        ['urgent', 'high', 'normal', 'low'][p],
        p + 1,
        created,
        times[steps - 1] ?? created,
        rnd() < 0.6 ? created + 3_600_000 : null,
      );
      times.forEach((at, i) => change.run(id, at, i ? flow[i - 1] : 'new', flow[i]));
    }
  })();
}

describe('recomputeAll', () => {
  it('recomputes after a calendar change in batches, writing only what changed', async () => {
    const { db, sqlite } = await slaDesk();
    seed(sqlite);
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
