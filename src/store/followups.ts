/** Follow-up times: when someone means to look at a ticket again (`ticket followup HD-7 thu 10:00`, the console's F). */
import { withImmediate } from '../db/immediate.js';
import { recordEvent } from './audit.js';
import type { Actor, Executor } from './executor.js';
import { getTicket, type TicketView } from './ticket-view.js';

const shown = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/** Sets (or, with null, clears) a ticket's follow-up; compare-and-set on its version, audited. */
export async function setFollowup(
  db: Executor,
  id: number,
  at: number | null,
  actor: Actor,
  now = Date.now(),
): Promise<{ ticket: TicketView; changed: boolean }> {
  return withImmediate(db, async (trx) => {
    const before = await getTicket(trx, id);
    if (before.followup_at === at) return { ticket: before, changed: false };
    await trx
      .updateTable('tickets')
      .set({ followup_at: at, updated_at: now, version: before.version + 1 })
      .where('id', '=', id)
      .where('version', '=', before.version)
      .execute();
    await recordEvent(trx, id, actor, 'followup', [{ field: 'followup', old: shown(before.followup_at), new: shown(at) }], now);
    return { ticket: { ...before, followup_at: at, updated_at: now, version: before.version + 1 }, changed: true };
  });
}
