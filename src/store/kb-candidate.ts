/** A KB article found by the search index, as either dialect's search returns it (kb-index.ts, kb-search-pg.ts). */
export interface CandidateRow {
  id: number;
  slug: string;
  title: string;
  category: string;
  tags: string;
  audience: string;
  status: string;
  rank: number;
}
