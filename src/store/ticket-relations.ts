/** What a ticket is related to, in one read for `ticket show` and the detail pane: links, parent, children, followers. */
import { formatRef } from '../domain/ticket.js';
import type { Executor } from './executor.js';
import { linksOf, type TicketLink } from './ticket-links.js';
import { followersOf } from './ticket-merge.js';

export interface TicketRelations {
  /** Links first, then the parent and the children, each with the words it reads with. */
  related: TicketLink[];
  followers: { id: number; name: string; email: string | null }[];
}

export async function relationsOf(db: Executor, id: number): Promise<TicketRelations> {
  const own = await db.selectFrom('tickets').select('parent_id').where('id', '=', id).executeTakeFirst();
  const family = await db
    .selectFrom('tickets')
    .select(['id', 'title', 'status', 'parent_id'])
    .where((eb) => eb.or([eb('parent_id', '=', id), eb('id', '=', own?.parent_id ?? -1)]))
    .orderBy('id')
    .execute();
  const kin = family.map((t) => ({
    id: t.id,
    ref: formatRef(t.id),
    label: t.parent_id === id ? 'parent of' : 'child of',
    kind: 'relates' as const,
    title: t.title,
    status: t.status,
  }));
  return { related: [...(await linksOf(db, id)), ...kin], followers: await followersOf(db, id) };
}
