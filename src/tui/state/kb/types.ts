/**
 * The knowledge base in the console, as data: the KB screen (search box, results, the article read
 * full screen), the selected ticket's suggested articles, the question after a resolve, and the KB
 * writes waiting to run (links, drafts; hooks/use-kb-jobs.ts runs them through the store).
 */
import type { KbArticle } from '../../../store/kb.js';
import type { Suggestion } from '../../../store/kb-links.js';
import type { KbSearchResult } from '../../../store/kb-search.js';

export type KbJob =
  { kind: 'link'; ticketId: number; ticketRef: string; articleId: number } | { kind: 'draft'; ticketId: number; ticketRef: string };

export interface KbQueued {
  seq: number;
  job: KbJob;
}

export interface KbOutcome {
  ok: boolean;
  message: string;
  /** The article linked or drafted. */
  articleId?: number;
}

/** An article as rendered for the terminal (hooks/use-kb-article.ts answers with it). */
export interface ShownArticle {
  id: number;
  article: KbArticle | null;
  /** Rendered lines (ANSI styling only when colour is on); null while loading. */
  lines: string[] | null;
  error: string | null;
}

export interface KbState {
  /** What fills the body: nothing of ours, the KB screen, or one article full screen. */
  screen: 'off' | 'search' | 'article';
  /** Where keys go on the KB screen: the search box or the result list. */
  focus: 'box' | 'list';
  /** Where Esc from the full-screen article goes back to. */
  back: 'search' | 'off';
  query: string;
  /** The query the results answer (null: none yet); a newer query keeps the old results shown. */
  answered: string | null;
  results: KbSearchResult[];
  /** Words searched for after typo correction (`printer jam` for `pritner jam`). */
  searched: string[];
  error: string | null;
  sel: number;
  /** The article read full screen; `max` (null until its lines are in) and `page` follow from its lines and the screen (settle.ts). */
  article: { id: number; scroll: number; max: number | null; page: number } | null;
  /** The article last rendered (the preview's or the one read full screen). */
  shown: ShownArticle | null;
  /** Suggested articles for the ticket they were loaded for. */
  suggest: { ticketId: number; items: Suggestion[] } | null;
  /** After a resolve: draft an article from this ticket? `said` is the notice it followed. */
  offer: { ticketId: number; ref: string; said: string } | null;
  jobs: KbQueued[];
  seq: number;
  /** Bumps after each link of ours: suggestions reload with their linked marks. */
  links: number;
}

export const INITIAL_KB: KbState = {
  screen: 'off',
  focus: 'box',
  back: 'off',
  query: '',
  answered: null,
  results: [],
  searched: [],
  error: null,
  sel: 0,
  article: null,
  shown: null,
  suggest: null,
  offer: null,
  jobs: [],
  seq: 0,
  links: 0,
};

export type KbAction =
  | { type: 'kbResults'; query: string; results: KbSearchResult[]; error: string | null }
  | { type: 'kbSuggestions'; ticketId: number; items: Suggestion[] }
  | { type: 'kbShown'; shown: ShownArticle }
  | { type: 'kbJobDone'; seq: number; outcome: KbOutcome };

const KB_ACTIONS: ReadonlySet<string> = new Set(['kbResults', 'kbSuggestions', 'kbShown', 'kbJobDone']);

export function isKbAction(a: { type: string }): a is KbAction {
  return KB_ACTIONS.has(a.type);
}
