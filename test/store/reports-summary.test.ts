/**
 * Reports answered from the summaries and covering indexes of migration 007 equal the same
 * aggregates written as plain SQL over the tickets, on random desks changed at random (fast-check).
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { AGE_BUCKETS } from '../../src/domain/report-stats.js';
import { OPEN_STATUSES, PRIORITIES, PRIORITY_RANK, STATUSES, TIERS } from '../../src/domain/ticket.js';
import type { Executor } from '../../src/store/executor.js';
import { backlogCounts } from '../../src/store/reports-backlog-counts.js';
import { slaReport } from '../../src/store/reports-sla.js';
import { volumeReport } from '../../src/store/reports-volume.js';
import { workloadReport } from '../../src/store/reports-workload.js';

const H = 3_600_000;
const D = 24 * H;
const NOW = Date.UTC(2026, 2, 16, 12, 34, 56, 789);
const OPEN = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(',')})`;

const maybe = (arb: fc.Arbitrary<number>) => fc.option(arb, { nil: null });
const instant = fc.integer({ min: -40 * D, max: 2 * D }).map((o) => NOW + o);
const ticketArb = fc.record({
  created_at: instant,
  status: fc.constantFrom(...STATUSES),
  priority: fc.constantFrom(...PRIORITIES),
  category: fc.constantFrom('network', 'printer', 'email'),
  assignee_id: maybe(fc.integer({ min: 1, max: 3 })),
  tier: fc.constantFrom(...TIERS),
  first_response_at: maybe(instant),
  first_response_due_at: maybe(instant),
  resolved_at: maybe(instant),
  resolution_due_at: maybe(instant),
});
/** A change after the insert: [ticket index, what]. */
const changeArb = fc.tuple(
  fc.nat(),
  fc.oneof(
    fc.record({ status: fc.constantFrom(...STATUSES) }),
    fc.record({ priority: fc.constantFrom(...PRIORITIES) }),
    fc.record({ assignee_id: maybe(fc.integer({ min: 1, max: 3 })) }),
    fc.record({ created_at: instant }),
    fc.constant('delete' as const),
  ),
);
const periodArb = fc.record({
  since: maybe(fc.integer({ min: -45 * D, max: 0 }).map((o) => NOW + o)),
  until: fc.integer({ min: -3 * D, max: 3 * D }).map((o) => NOW + o),
  now: fc.integer({ min: -2 * D, max: 3 * D }).map((o) => NOW + o),
  by: fc.constantFrom(null, 'priority' as const, 'category' as const),
});

async function rows<T>(db: Executor, text: string, ...params: unknown[]): Promise<T[]> {
  const parts = text.split('?');
  return (await sql<T>(Object.assign(parts, { raw: parts }) as unknown as TemplateStringsArray, ...params).execute(db)).rows;
}

/** Sums counts with the same key (the report may answer one key from two sources). */
function keyed(list: Array<{ grp: unknown; status: string; priority: string; bucket: number; n: number }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of list) {
    const k = `${String(r.grp)}|${r.status}|${r.priority}|${r.bucket}`;
    out[k] = (out[k] ?? 0) + Number(r.n);
  }
  return Object.fromEntries(Object.entries(out).filter(([, n]) => n !== 0));
}

describe('reports from summaries and covering indexes', () => {
  it('equal the raw SQL aggregates on random desks (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ticketArb, { minLength: 0, maxLength: 40 }),
        fc.array(changeArb, { maxLength: 15 }),
        periodArb,
        async (tickets, changes, p) => {
          const desk = await openDatabase(':memory:');
          const db = desk.db;
          try {
            await db
              .insertInto('technicians')
              .values([1, 2, 3].map((id) => ({ id, name: `T${id}`, email: `t${id}@example.com`, tier: 'L1', active: 1, created_at: 0 })))
              .execute();
            for (const t of tickets) {
              await db
                .insertInto('tickets')
                .values({
                  ...t,
                  title: 'x',
                  description: '',
                  channel: 'email',
                  priority_rank: PRIORITY_RANK[t.priority],
                  updated_at: t.created_at,
                })
                .execute();
            }
            for (const [i, change] of changes) {
              if (tickets.length === 0) break;
              const id = (i % tickets.length) + 1;
              if (change === 'delete') await db.deleteFrom('tickets').where('id', '=', id).execute();
              else
                await db
                  .updateTable('tickets')
                  .set({ ...change, ...('priority' in change ? { priority_rank: PRIORITY_RANK[change.priority] } : {}) })
                  .where('id', '=', id)
                  .execute();
            }
            const since = p.since ?? -1e15;

            const grp = p.by === null ? 'NULL' : p.by;
            const bucket = `CASE ${AGE_BUCKETS.slice(0, -1)
              .map((b, k) => `WHEN ${p.now} - created_at < ${b.below} THEN ${k}`)
              .join(' ')} ELSE 4 END`;
            const rawBacklog = await rows<{ grp: unknown; status: string; priority: string; bucket: number; n: number }>(
              db,
              `SELECT ${grp} AS grp, status, priority, ${bucket} AS bucket, count(*) AS n FROM tickets
               WHERE status IN ${OPEN} AND created_at >= ? AND created_at < ? GROUP BY 1, 2, 3, 4`,
              since,
              p.until,
            );
            expect(keyed(await backlogCounts(db, p))).toEqual(keyed(rawBacklog));

            const work = await workloadReport(db, { since: p.since, until: p.until });
            const rawOpen = await rows<{ id: number | null; n: number }>(
              db,
              `SELECT assignee_id AS id, count(*) AS n FROM tickets WHERE status IN ${OPEN} GROUP BY 1`,
            );
            const rawResolved = await rows<{ id: number | null; n: number }>(
              db,
              'SELECT assignee_id AS id, count(*) AS n FROM tickets WHERE resolved_at >= ? AND resolved_at < ? GROUP BY 1',
              since,
              p.until,
            );
            const fig = (list: { id: number | null; n: number }[], id: number | null) => list.find((r) => r.id === id)?.n ?? 0;
            for (const w of work) {
              expect([w.open, w.resolved]).toEqual([fig(rawOpen, w.technicianId), fig(rawResolved, w.technicianId)]);
            }
            expect(work.reduce((a, w) => a + w.open, 0)).toBe(rawOpen.reduce((a, r) => a + r.n, 0));

            const slaBy = await slaReport(db, { by: p.by, since: p.since, until: p.until, now: p.now });
            const rawSla = await rows<{ grp: unknown; n: number; fm: number; fb: number; rm: number; rb: number }>(
              db,
              `SELECT ${grp} AS grp, count(*) AS n, total(first_response_at <= first_response_due_at) AS fm,
                 total(first_response_at > first_response_due_at OR (first_response_at IS NULL AND status IN ${OPEN} AND first_response_due_at < ?)) AS fb,
                 total(resolved_at <= resolution_due_at) AS rm,
                 total(resolved_at > resolution_due_at OR (resolved_at IS NULL AND status IN ${OPEN} AND resolution_due_at < ?)) AS rb
               FROM tickets WHERE created_at >= ? AND created_at < ? GROUP BY 1`,
              p.now,
              p.now,
              since,
              p.until,
            );
            const slaSum = (f: (r: (typeof rawSla)[number]) => number) => rawSla.reduce((a, r) => a + f(r), 0);
            expect([slaBy.total.tickets, slaBy.total.firstResponseMet, slaBy.total.firstResponseBreached]).toEqual([
              slaSum((r) => r.n),
              slaSum((r) => r.fm),
              slaSum((r) => r.fb),
            ]);
            expect([slaBy.total.resolutionMet, slaBy.total.resolutionBreached]).toEqual([slaSum((r) => r.rm), slaSum((r) => r.rb)]);
            expect(slaBy.rows.map((r) => r.tickets).sort()).toEqual(rawSla.map((r) => r.n).sort());

            if (p.since !== null && p.since < p.until) {
              const volume = await volumeReport(db, { since: p.since, until: p.until, tz: 'UTC' });
              for (const column of ['created_at', 'resolved_at'] as const) {
                const raw = await rows<{ d: string; n: number }>(
                  db,
                  `SELECT date(${column} / 1000, 'unixepoch') AS d, count(*) AS n FROM ${column === 'created_at' ? 'tickets' : 'tickets'}
                   WHERE ${column} >= ? AND ${column} < ? GROUP BY 1`,
                  p.since,
                  p.until,
                );
                const ours = volume.map((v) => ({ d: v.date, n: column === 'created_at' ? v.created : v.resolved })).filter((v) => v.n);
                expect(ours).toEqual(raw);
              }
            }

            const summary = await rows<{ status: string; priority: string; day: number; n: number }>(
              db,
              'SELECT status, priority, day, n FROM ticket_backlog_days WHERE n <> 0 ORDER BY 1, 2, 3',
            );
            expect(summary).toEqual(
              await rows(
                db,
                'SELECT status, priority, created_at / 86400000 AS day, count(*) AS n FROM tickets GROUP BY 1, 2, 3 ORDER BY 1, 2, 3',
              ),
            );
          } finally {
            await desk.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('report sla while a bulk write has dropped the indexes', () => {
  it('reads the table instead of failing', async () => {
    const desk = await openDatabase(':memory:');
    try {
      await sql`DROP INDEX tickets_sla`.execute(desk.db);
      const report = await slaReport(desk.db, { by: null, since: null, until: NOW, now: NOW });
      expect(report.total.tickets).toBe(0);
    } finally {
      await desk.close();
    }
  });
});
