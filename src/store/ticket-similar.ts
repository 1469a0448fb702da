/**
 * Similar tickets: open ones that look like the same problem ("possible
 * duplicate": same wording, or the same requester with some of it, in recent days) and resolved ones
 * with similar text and their resolutions ("solved before"). The words' rarity comes from 019's
 * snapshot (src/store/ticket-word-docs.ts); the rarest words of the title and description are looked
 * up in 014's ticket_text_fts within a budget of postings (searchPlan), ranked by the rarity weight
 * they share; the best candidates are then kept only above a similarity threshold
 * (src/domain/triage/similarity.ts), since a ranking always ranks something first. Reads only.
 * On PostgreSQL the postings are ticket_search's title and description words (./ticket-words-pg.ts).
 */
import { sql } from 'kysely';
import { DESCRIPTION_CHARS, meaningful } from '../domain/triage/features.js';
import { coverage, kinship, searchPlan, weightedWords, type Candidate, type SearchPlan } from '../domain/triage/similarity.js';
import { formatRef, OPEN_STATUSES } from '../domain/ticket.js';
import { dialectOf } from '../db/dialect.js';
import type { Executor } from './executor.js';
import { pgRankedCandidates } from './ticket-words-pg.js';
import { wordDocs } from './ticket-word-docs.js';

export interface SimilarTicket {
  ref: string;
  id: number;
  title: string;
  status: string;
  /** 0–1: the share of this ticket's word weight the other holds. */
  similarity: number;
  sameRequester: boolean;
  resolution: string | null;
}

export interface SimilarTickets {
  duplicates: SimilarTicket[];
  solved: SimilarTicket[];
}

export interface SimilarQuery {
  /** The ticket itself, left out of the results (none for a ticket being written). */
  id?: number;
  title: string;
  description: string;
  requesterId: number | null;
  createdAt: number;
}

const CANDIDATES = 20;
const SAME_REQUESTER = 20;
const DAY = 86_400_000;

export async function similarTickets(db: Executor, q: SimilarQuery, limit = 5): Promise<SimilarTickets> {
  const words = meaningful(`${q.title} ${q.description.slice(0, DESCRIPTION_CHARS)}`);
  const none: SimilarTickets = { duplicates: [], solved: [] };
  if (words.length === 0) return none;
  const unique = [...new Set(words)].slice(0, 200);
  const docs = await wordDocs(db, unique);
  const { rows: top } = await sql<{ n: number | null }>`SELECT max(id) AS n FROM tickets`.execute(db);
  // A stored ticket counts itself in each of its words' document counts.
  const self = q.id === undefined ? 0 : 1;
  const total = Number(top[0]?.n ?? 0);
  const others = new Map([...docs].map(([w, n]) => [w, n - self]));
  const weights = weightedWords(unique, others, total);
  if (weights.size === 0) return none;
  const ranked = await rankedCandidates(db, weights, searchPlan(weights, others, total));
  const ids = new Set(ranked.map((r) => r.id));
  if (q.requesterId !== null) {
    const mine = await db
      .selectFrom('tickets')
      .select('id')
      .where('requester_id', '=', q.requesterId)
      .where('status', 'in', OPEN_STATUSES)
      .where('created_at', '>', q.createdAt - 14 * DAY)
      .limit(SAME_REQUESTER)
      .execute();
    for (const r of mine) ids.add(r.id);
  }
  if (q.id !== undefined) ids.delete(q.id);
  if (ids.size === 0) return none;
  const rows = await db
    .selectFrom('tickets')
    .select(['id', 'title', 'status', 'requester_id', 'created_at', 'resolution'])
    .select(sql<string>`substr(description, 1, ${DESCRIPTION_CHARS})`.as('description'))
    .where('id', 'in', [...ids])
    .execute();
  const out: SimilarTickets = { duplicates: [], solved: [] };
  const scored = rows
    .map((r) => ({ ...r, similarity: coverage(weights, `${r.title} ${r.description}`) }))
    .sort((a, b) => b.similarity - a.similarity || b.created_at - a.created_at);
  for (const r of scored) {
    const kind = kinship(r as Candidate, q.requesterId, q.createdAt);
    if (!kind) continue;
    const list = kind === 'duplicate' ? out.duplicates : out.solved;
    if (list.length >= limit) continue;
    list.push({
      ref: formatRef(r.id),
      id: r.id,
      title: r.title,
      status: r.status,
      similarity: Number(r.similarity.toFixed(3)),
      sameRequester: q.requesterId !== null && r.requester_id === q.requesterId,
      resolution: r.resolution,
    });
  }
  return out;
}

/**
 * The CANDIDATES tickets holding the most rarity weight of the plan's words: bm25 with k1 = 0 (a
 * word counts once per ticket, as its idf), summed over each word's posting list in SQL, newest
 * first among equals. FTS5's own bm25 scores each posting ten times slower.
 */
async function rankedCandidates(db: Executor, weights: ReadonlyMap<string, number>, plan: SearchPlan): Promise<{ id: number }[]> {
  if (dialectOf(db) === 'postgres') return pgRankedCandidates(db, weights, plan, CANDIDATES);
  // Folded letters and digits only (words() splits on everything else), each quoted: no FTS5 syntax can get in.
  const parts = plan.words.map(
    (w) =>
      sql`SELECT rowid AS id, ${weights.get(w)!} AS w FROM ticket_text_fts WHERE ticket_text_fts MATCH ${`"${w}"`} AND rowid > ${plan.afterId}`,
  );
  const { rows } = await sql<{ id: number }>`
    SELECT id FROM (${sql.join(parts, sql` UNION ALL `)}) GROUP BY id ORDER BY sum(w) DESC, id DESC LIMIT ${CANDIDATES}`.execute(db);
  return rows;
}
