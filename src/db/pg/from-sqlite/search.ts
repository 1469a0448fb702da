/**
 * PostgreSQL's own search data for a moved desk, built in bulk after the rows are in (the per-row
 * triggers that keep it are off during the move): ticket_search with the same weighted document the
 * trigger ticket_search_refresh() writes (title A, description B, the timeline but system events C),
 * and the trigram vocabulary ticket_words. ticket_word_docs (word rarity for similar tickets) is a
 * snapshot copied from the file as it is, so a moved desk suggests as it did. kb_articles.search_doc is a generated column: the server fills it as rows arrive.
 */
import { sql, type Kysely } from 'kysely';

/** The tables this fills (their indexes are built after, with the copied tables'). */
export const SEARCH_TABLES: readonly string[] = ['ticket_search', 'ticket_words'];

const doc = (text: string, weight: 'A' | 'B' | 'C') => `setweight(to_tsvector('deskline', deskline_tokens(${text})), '${weight}')`;

const FILL: readonly string[] = [
  `INSERT INTO ticket_search (ticket_id, doc)
    SELECT t.id, ${doc('t.title', 'A')} || ${doc('t.description', 'B')} || ${doc("coalesce(n.body, '')", 'C')}
    FROM tickets AS t LEFT JOIN (
      SELECT ticket_id, string_agg(body, ' ' ORDER BY id) AS body FROM interactions WHERE kind <> 'system' GROUP BY ticket_id
    ) AS n ON n.ticket_id = t.id`,
  `INSERT INTO ticket_words (word)
    SELECT word FROM ts_stat('SELECT doc FROM ticket_search') WHERE length(word) >= 3 AND word !~ '^[0-9]+$' ORDER BY word`,
];

export async function fillSearch(trx: Kysely<unknown>): Promise<void> {
  for (const statement of FILL) await sql.raw(statement).execute(trx);
}
