/** One requester as the faces show them: the record, further addresses, open and past tickets, assets. */
import type { RequesterRow } from '../db/schema.js';
import { OPEN_STATUSES } from '../domain/ticket.js';
import { formatRef } from '../domain/ticket.js';
import { assetsOfRequester, type AssetView } from './assets.js';
import type { Executor } from './executor.js';
import { getRequester } from './requesters.js';

export interface ProfileTicket {
  id: number;
  ref: string;
  title: string;
  status: string;
  priority: string;
  created_at: number;
}

export interface RequesterProfile {
  requester: RequesterRow;
  /** Further mail addresses (a merge moves the merged record's here). */
  emails: string[];
  open: ProfileTicket[];
  /** Resolved and closed, newest first. */
  past: ProfileTicket[];
  /** How many past tickets there are in all (only the newest `limit` are listed). */
  pastCount: number;
  assets: AssetView[];
}

const TICKET = ['id', 'title', 'status', 'priority', 'created_at'] as const;

/** By id, email or name (store/requesters.ts getRequester); exit 2 when there is no such requester. */
export async function requesterProfile(db: Executor, key: string | number, limit = 20): Promise<RequesterProfile> {
  const requester = await getRequester(db, String(key));
  const id = requester.id;
  const tickets = (open: boolean) =>
    db
      .selectFrom('tickets')
      .select(TICKET)
      .where('requester_id', '=', id)
      .where('status', open ? 'in' : 'not in', [...OPEN_STATUSES])
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  const [emails, open, past, pastCount, assets] = await Promise.all([
    db.selectFrom('requester_emails').select('email').where('requester_id', '=', id).orderBy('email').execute(),
    tickets(true),
    tickets(false),
    db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('requester_id', '=', id)
      .where('status', 'not in', [...OPEN_STATUSES])
      .executeTakeFirstOrThrow(),
    assetsOfRequester(db, id),
  ]);
  const withRef = (rows: Omit<ProfileTicket, 'ref'>[]) => rows.map((t) => ({ ...t, ref: formatRef(t.id) }));
  return {
    requester,
    emails: emails.map((e) => e.email),
    open: withRef(open),
    past: withRef(past),
    pastCount: Number(pastCount.n),
    assets,
  };
}

/** The profile of a ticket's requester (the console's `u`); null when the ticket has none. */
export async function profileOfTicket(db: Executor, ticketId: number, limit = 20): Promise<RequesterProfile | null> {
  const row = await db.selectFrom('tickets').select('requester_id').where('id', '=', ticketId).executeTakeFirst();
  return row?.requester_id == null ? null : requesterProfile(db, row.requester_id, limit);
}
