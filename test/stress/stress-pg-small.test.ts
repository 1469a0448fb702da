/**
 * `npm run stress -- --pg` in small: 4 processes × 60 mixed operations against the PostgreSQL server,
 * in a database of the stress's own (dropped after). Nothing acknowledged is lost, no compare-and-set
 * increment of the hot tickets is lost, no serialisation failure or deadlock reaches a caller, and the
 * integrity queries (db check, tickets acknowledged once, hot counters against their audit trail) are clean.
 */
import { describe, expect, it } from 'vitest';
import { bundleWorker } from '../../scripts/stress/bundle.js';
import { concurrencyPg, PG_SERVER } from '../../scripts/stress/concurrency-pg.js';

describe('stress on PostgreSQL, small', () => {
  it(
    '4 processes × 60 mixed operations on one server desk: nothing lost, nothing surfaced, integrity clean',
    { timeout: 300_000 },
    async () => {
      const { seconds: _seconds, tickets, ...figures } = await concurrencyPg(await bundleWorker(), PG_SERVER, 4, 60);
      expect(tickets).toBeGreaterThan(4);
      expect(figures).toEqual({
        processes: 4,
        operations: 240,
        lostUpdates: 0,
        lostWrites: 0,
        busy: 0,
        busyWhere: [],
        otherErrors: [],
        integrity: [],
      });
    },
  );
});
