/**
 * Search as you type on the KB screen: the store's searchKb runs once typing pauses (debounced), off
 * the keystroke path; fuse.js and the search module load on first use. Answers name their query, so
 * the reducer drops any that a newer query overtook.
 */
import { useEffect } from 'react';
import type { StateAction } from '../state/types.js';
import { useDeskQuery } from './use-desk-query.js';

export const KB_SEARCH_DEBOUNCE_MS = 120;
/** Results shown; the search itself is limited (indexed FTS, at most this many re-ranked). */
export const KB_RESULTS = 20;

export function useKbSearch(open: boolean, query: string, dispatch: (a: StateAction) => void): void {
  const blank = query.trim() === '';
  useEffect(() => {
    if (open && blank) dispatch({ type: 'kbResults', query, results: [], error: null });
  }, [open, blank, query, dispatch]);
  useDeskQuery(
    open && !blank ? query : null,
    async (db) => {
      const { searchKb } = await import('../../store/kb-search.js');
      return searchKb(db, query, { limit: KB_RESULTS, includeDrafts: true });
    },
    {
      delayMs: KB_SEARCH_DEBOUNCE_MS,
      onAnswer: (results) => dispatch({ type: 'kbResults', query, results, error: null }),
      onError: (error) => dispatch({ type: 'kbResults', query, results: [], error: error.message.split('\n')[0] ?? 'search failed' }),
    },
  );
}
