/**
 * Similar tickets (SQLite-only: FTS5): open ones that look like the same problem ("possible
 * duplicate": same wording, or the same requester with some of it, in recent days) and resolved ones
 * with similar text and their resolutions ("solved before"). The rarest words of the title and
 * description are looked up in 014's ticket_text_fts, ranked by bm25 (title 3, description 1); the
 * best candidates are then kept only above a similarity threshold (src/domain/triage/similarity.ts),
 * since bm25 is relative and always ranks something first. Reads only.
 */
import { sql } from 'kysely';
import { DESCRIPTION_CHARS, meaningful } from '../domain/triage/features.js';
import { coverage, kinship, searchWords, weightedWords, type Candidate } from '../domain/triage/similarity.js';
import { formatRef, OPEN_STATUSES } from '../domain/ticket.js';
import type { Executor } from './executor.js';

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

const CANDIDATES = 40;
const SAME_REQUESTER = 20;
const DAY = 86_400_000;

export async function similarTickets(db: Executor, q: SimilarQuery, limit = 5): Promise<SimilarTickets> {
  const words = meaningful(`${q.title} ${q.description.slice(0, DESCRIPTION_CHARS)}`);
  const none: SimilarTickets = { duplicates: [], solved: [] };
  if (words.length === 0) return none;
  const unique = [...new Set(words)].slice(0, 200);
  const { rows: docs } = await sql<{ term: string; doc: number }>`
    SELECT term, doc FROM ticket_text_vocab WHERE term IN (${sql.join(unique)})`.execute(db);
  const { rows: top } = await sql<{ n: number | null }>`SELECT max(id) AS n FROM tickets`.execute(db);
  // A stored ticket counts itself in each of its words' document counts.
  const self = q.id === undefined ? 0 : 1;
  const total = Number(top[0]?.n ?? 0);
  const weights = weightedWords(unique, new Map(docs.map((d) => [d.term, d.doc - self])), total);
  if (weights.size === 0) return none;
  // Folded letters and digits only (words() splits on everything else), each quoted: no FTS5 syntax can get in.
  const match = searchWords(weights, total)
    .map((w) => `"${w}"`)
    .join(' OR ');
  const { rows: ranked } = await sql<{ id: number }>`
    SELECT rowid AS id FROM ticket_text_fts WHERE ticket_text_fts MATCH ${match} ORDER BY rank LIMIT ${CANDIDATES}`.execute(db);
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
