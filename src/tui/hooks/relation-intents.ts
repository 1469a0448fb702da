/**
 * The console's merge (`M`), parent (`P`) and follow-up (`F`) intents, through the same store
 * functions and the same time parser as `ticket merge`, `ticket parent` and `ticket followup`.
 */
import { parseFollowup } from '../../domain/followup-time.js';
import { InputError } from '../../domain/ticket-input.js';
import type { Desk } from '../../store/desk.js';
import type { Actor } from '../../store/executor.js';
import { setFollowup } from '../../store/followups.js';
import { setParent } from '../../store/incidents.js';
import { mergeTickets } from '../../store/ticket-merge.js';
import { findTicket, type TicketView } from '../../store/ticket-view.js';
import type { Intent, Outcome } from '../state/act/types.js';
import { cursorOf } from './queue-fetch.js';
import { stamp } from '../text/format.js';

type RelationIntent = Extract<Intent, { kind: 'merge' | 'parent' | 'followup' }>;

function written(tickets: readonly (TicketView | null)[]): Pick<Outcome, 'versions' | 'rows'> {
  const found = tickets.filter((t): t is TicketView => t !== null);
  return { versions: found.map((t) => ({ id: t.id, version: t.version })), rows: found.map(cursorOf) };
}

export async function writeRelation(desk: Desk, me: Actor, intent: RelationIntent, now = new Date()): Promise<Outcome> {
  const { db } = desk;
  switch (intent.kind) {
    case 'merge': {
      const result = await mergeTickets(db, intent.target.ids, intent.into.ids[0]!, me);
      const entries = result.merged.reduce((n, m) => n + m.entries, 0);
      const refs = result.merged.map((m) => m.ref).join(', ');
      const closed = await Promise.all(intent.target.ids.map((id) => findTicket(db, id)));
      return {
        ok: true,
        message: `${refs} merged into ${result.into.ref} (${entries} timeline entr${entries === 1 ? 'y' : 'ies'} moved)`,
        ...written([result.into, ...closed]),
      };
    }
    case 'parent': {
      const parentId = intent.parent.ids[0]!;
      const changed = await setParent(db, parentId, intent.target.ids, me);
      const fresh = await Promise.all([parentId, ...intent.target.ids].map((id) => findTicket(db, id)));
      const what = changed.length ? `now the parent of ${changed.join(', ')}` : 'already the parent of them all';
      return { ok: true, message: `${intent.parent.label} ${what}`, ...written(fresh) };
    }
    case 'followup': {
      const text = intent.when.trim();
      let at: number | null = null;
      if (text.toLowerCase() !== 'none') {
        const parsed = parseFollowup(text, now);
        if (!parsed.ok) throw new InputError('when', parsed.error);
        at = parsed.at;
      }
      const { ticket, changed } = await setFollowup(db, intent.target.ids[0]!, at, me, now.getTime());
      const said = at === null ? 'has no follow-up' : `follow-up ${stamp(at)}`;
      return { ok: true, message: `${ticket.ref} ${changed ? said : `unchanged (${said})`}`, ...written([ticket]) };
    }
  }
}
