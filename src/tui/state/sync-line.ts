/**
 * The background sync as the status bar tells it, and when it runs next, pure: `syncing…`,
 * `offline · 3 waiting`, `synced 2m ago`, `1 conflict (Y)`. A replica syncs soon after a local write,
 * every SYNC_EVERY_MS, and while the server does not answer, after a delay that doubles from
 * OFFLINE_FIRST_MS up to OFFLINE_MAX_MS (a laptop on a train does not knock every second).
 */
import { ago } from '../../domain/ago.js';
import type { SyncStatus } from '../../store/sync/status.js';

export const SYNC_SOON_MS = 300;
export const SYNC_EVERY_MS = 30_000;
export const OFFLINE_FIRST_MS = 5_000;
export const OFFLINE_MAX_MS = 300_000;

export type SyncPhase = { kind: 'idle' | 'syncing' | 'ok' | 'offline' } | { kind: 'error'; error: string };

/** The wait before the next try after `failures` failed tries in a row (0: all is well). */
export function nextSyncDelay(failures: number): number {
  return failures === 0 ? SYNC_EVERY_MS : Math.min(OFFLINE_MAX_MS, OFFLINE_FIRST_MS * 2 ** (failures - 1));
}

/** The status bar's words; nothing on a desk that is not a replica (and has no open conflicts). */
export function syncLine(status: SyncStatus | null | undefined, phase: SyncPhase, conflicts: number, conflictKey: string, now: number) {
  const parts: string[] = [];
  if (status) {
    if (phase.kind === 'syncing') parts.push('syncing…');
    else if (phase.kind === 'offline') parts.push('offline');
    else if (phase.kind === 'error') parts.push(`sync: ${phase.error}`);
    else if (status.waiting === 0) parts.push(status.syncedAt === null ? 'never synced' : `synced ${ago(status.syncedAt, now)}`);
    if (status.waiting) parts.push(`${status.waiting} waiting`);
  }
  if (conflicts) parts.push(`${conflicts} conflict${conflicts === 1 ? '' : 's'} (${conflictKey})`);
  return parts.join(' · ');
}
