/**
 * `npm run stress -- --sync` in small (scripts/stress/sync-faults.ts): 4 rounds of a laptop's
 * `deskline sync` (the built binary) broken mid-way, 2 by SIGKILL at a random moment and 2 by the
 * server ending its connections once a first batch was taken, each followed by a clean sync. Nothing
 * the laptop made is lost or applied twice, and the replica ends equal to the server every round.
 * The 50-round version runs under `npm run stress -- --sync` (or with `--pg`).
 */
import { describe, expect, it } from 'vitest';
import { BIN } from '../../scripts/stress/bundle.js';
import { PG_SERVER } from '../../scripts/stress/concurrency-pg.js';
import { syncFaults } from '../../scripts/stress/sync-faults.js';

describe('sync under faults, small', () => {
  it('4 rounds of kills and cut connections: no operation lost or doubled, replica equal to the server', { timeout: 300_000 }, async () => {
    const { seconds: _seconds, finished, kills, cuts, operations, ...figures } = await syncFaults(BIN, PG_SERVER, 4);
    expect(operations).toBeGreaterThan(4 * 570); // 450 tickets, 120 notes, up to 40 priority changes a round
    expect(kills + cuts + finished).toBe(4);
    expect(cuts).toBeGreaterThan(0);
    expect(figures).toEqual({ rounds: 4, lost: 0, doubled: 0, unequal: 0, errors: [] });
  });
});
