/**
 * A timeline entry as the operations name it (./ops.ts EntryPlace): never by id, which differs per desk,
 * nor by text, which a redaction removes, but by time, kind, author and place among entries alike.
 */
import type { Executor } from '../executor.js';
import type { EntryPlace } from './ops.js';

/** A timeline entry's place: its time, kind and author, and how many alike come before it (by id). */
export async function placeOf(trx: Executor, ticketId: number, interactionId: number): Promise<EntryPlace | null> {
  const row = await trx
    .selectFrom('interactions')
    .select(['created_at', 'kind', 'author_name'])
    .where('id', '=', interactionId)
    .executeTakeFirst();
  if (!row) return null;
  const before = await trx
    .selectFrom('interactions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ticket_id', '=', ticketId)
    .where('created_at', '=', row.created_at)
    .where('kind', '=', row.kind)
    .where('author_name', '=', row.author_name)
    .where('id', '<', interactionId)
    .executeTakeFirstOrThrow();
  return { created_at: Number(row.created_at), kind: row.kind, author_name: row.author_name, nth: Number(before.n) };
}
