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
   * Tickets read from the index per lookup (the words' posting lists): the rarest words are taken
   * while their tickets add up to at most this (the two rarest whatever they hold), and past it
   * only the newest tickets are searched, as many as keep the reading near this budget. Scoring a
   * posting costs ~1 µs (FTS5's own bm25 ~10 µs: 17 ms for one common word at 100k tickets).
   */
  postings: 1_000,
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

export interface SearchPlan {
  /** The rarest few words (their posting lists are short). */
  words: string[];
  /** Only tickets with a larger id (the newest) are searched: 0 searches all. */
  afterId: number;
}

/**
 * The words to look candidates up by, and how far back: `docCount` the tickets holding each word,
 * `total` the highest ticket id (ids grow with time, so a range of ids is a range of days).
 */
export function searchPlan(weights: ReadonlyMap<string, number>, docCount: ReadonlyMap<string, number>, total: number): SearchPlan {
  const words: string[] = [];
  let read = 0;
  for (const w of weights.keys()) {
    const docs = docCount.get(w) ?? 0;
    if (words.length >= SIMILAR_RULES.queryWords || (words.length >= 2 && read + docs > SIMILAR_RULES.postings)) break;
    words.push(w);
    read += docs;
  }
  const afterId = read > SIMILAR_RULES.postings ? Math.floor(total - (total * SIMILAR_RULES.postings) / read) : 0;
  return { words, afterId: Math.max(0, afterId) };
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
