/**
 * How much two tickets say the same thing: the share of the query ticket's word weight (each word
 * weighted by its rarity over the desk, inverse document frequency) that the other ticket's title
 * and description hold. And which candidates count as a possible duplicate or as solved before:
 * thresholds as data. Pure.
 */
import { OPEN_STATUSES, type Status } from '../ticket.js';
import { meaningful } from './features.js';

export const SIMILAR_RULES = {
  /** A candidate must cover this share of the ticket's word weight. */
  minSimilarity: 0.5,
  /** From the same requester, this much wording is enough. */
  minSameRequester: 0.25,
  /** Duplicates are open tickets created this recently (before or after the ticket). */
  duplicateDays: 14,
  /** Words searched for: the rarest this many (common words still count in the similarity). */
  queryWords: 8,
  /**
   * Searched for only when in at most this share of tickets (or COMMON_DOCS, whichever is more): a
   * common word's posting list is long and bm25 ranks all of it (65 ms for ten such words at 10k
   * tickets). With fewer than two that rare, the two rarest.
   */
  maxSearchShare: 0.05,
  minSearchDocs: 50,
} as const;

const DAY = 86_400_000;

/** BM25's inverse document frequency. */
export function idf(docs: number, total: number): number {
  return Math.log((total - docs + 0.5) / (docs + 0.5) + 1);
}

/**
 * A ticket's words with their weights, rarest first. Words no other ticket holds are left out (they
 * cannot be shared); `docCount` counts the other tickets holding each word.
 */
export function weightedWords(words: readonly string[], docCount: ReadonlyMap<string, number>, total: number): Map<string, number> {
  const kept = [...new Set(words)]
    .filter((w) => (docCount.get(w) ?? 0) > 0)
    .map((w) => [w, idf(docCount.get(w)!, total)] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return new Map(kept);
}

/** The words to look candidates up by: the rarest few (their posting lists are short). */
export function searchWords(weights: ReadonlyMap<string, number>, total: number): string[] {
  const min = idf(Math.max(SIMILAR_RULES.minSearchDocs, total * SIMILAR_RULES.maxSearchShare), total);
  const rare = [...weights].filter(([, w]) => w >= min).map(([word]) => word);
  return (rare.length >= 2 ? rare : [...weights.keys()]).slice(0, rare.length >= 2 ? SIMILAR_RULES.queryWords : 2);
}

/** Share (0–1) of the weight of `weights` that `text` holds. */
export function coverage(weights: ReadonlyMap<string, number>, text: string): number {
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  const held = new Set(meaningful(text));
  let sum = 0;
  for (const [w, weight] of weights) if (held.has(w)) sum += weight;
  return sum / total;
}

export interface Candidate {
  id: number;
  status: string;
  requester_id: number | null;
  created_at: number;
  similarity: number;
}

export type Kinship = 'duplicate' | 'solved' | null;

/** What a candidate is to a ticket (of `requesterId`, created at `createdAt`). */
export function kinship(c: Candidate, requesterId: number | null, createdAt: number): Kinship {
  if (OPEN_STATUSES.includes(c.status as Status)) {
    if (Math.abs(c.created_at - createdAt) > SIMILAR_RULES.duplicateDays * DAY) return null;
    const sameRequester = requesterId !== null && c.requester_id === requesterId;
    const needed = sameRequester ? SIMILAR_RULES.minSameRequester : SIMILAR_RULES.minSimilarity;
    return c.similarity >= needed ? 'duplicate' : null;
  }
  return c.similarity >= SIMILAR_RULES.minSimilarity ? 'solved' : null;
}
