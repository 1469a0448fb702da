/** `Y` then `c`/`t`: a sync conflict settled through the store function `deskline sync resolve` calls. */
import type { Desk } from '../../store/desk.js';
import type { Actor } from '../../store/executor.js';
import { resolveConflict } from '../../store/sync/resolve.js';
import { findTicket } from '../../store/ticket-view.js';
import type { Intent, Outcome } from '../state/act/types.js';
import { cursorOf } from './queue-fetch.js';

export async function settleConflict(desk: Desk, me: Actor, intent: Extract<Intent, { kind: 'syncResolve' }>): Promise<Outcome> {
  const done = await resolveConflict(desk.db, intent.conflict, intent.take, me);
  const ticket = await findTicket(desk.db, done.ticketId);
  const how = done.take === 'lost' ? 'taken' : 'kept';
  return {
    ok: true,
    message: `${intent.target.label} ${done.field} ${done.value ?? 'nothing'} ${how} — conflict settled`,
    ...(ticket ? { versions: [{ id: ticket.id, version: ticket.version }], rows: [cursorOf(ticket)] } : {}),
  };
}
