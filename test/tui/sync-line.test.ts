/** The status bar's words for the background sync, and when it tries next (state/sync-line.ts). */
import { describe, expect, it } from 'vitest';
import { nextSyncDelay, syncLine, type SyncPhase } from '../../src/tui/state/sync-line.js';

const NOW = Date.UTC(2026, 11, 3, 12);
const status = (waiting: number, syncedAt: number | null) => ({
  server: 'postgres://desk',
  device: 'a3f0',
  syncedAt,
  waiting,
  pulledSeq: 0,
  openConflicts: 0,
});
const line = (phase: SyncPhase['kind'], waiting: number, syncedAt: number | null, conflicts = 0) =>
  syncLine(status(waiting, syncedAt), { kind: phase } as SyncPhase, conflicts, 'Y', NOW);

describe('sync line', () => {
  it('says how the sync stands in the words of the issue', () => {
    expect(line('ok', 0, NOW - 120_000)).toBe('synced 2m ago');
    expect(line('idle', 0, null)).toBe('never synced');
    expect(line('ok', 3, NOW)).toBe('3 waiting');
    expect(line('offline', 3, NOW)).toBe('offline · 3 waiting');
    expect(line('syncing', 0, NOW)).toBe('syncing…');
    expect(line('ok', 0, NOW, 2)).toBe('synced just now · 2 conflicts (Y)');
    expect(syncLine(status(0, NOW), { kind: 'error', error: 'pulled 3 operations, the server logged 4' }, 0, 'Y', NOW)).toBe(
      'sync: pulled 3 operations, the server logged 4',
    );
    // A desk that is not a replica: only conflicts (a server desk records them too).
    expect(syncLine(null, { kind: 'idle' }, 0, 'Y', NOW)).toBe('');
    expect(syncLine(null, { kind: 'idle' }, 1, 'Y', NOW)).toBe('1 conflict (Y)');
  });

  it('tries every 30 s while online and backs off from 5 s to 5 min while offline', () => {
    expect([0, 1, 2, 3, 7, 8, 20].map(nextSyncDelay)).toEqual([30_000, 5_000, 10_000, 20_000, 300_000, 300_000, 300_000]);
  });
});
