/**
 * Search as you type on the KB screen: the store's searchKb runs once typing pauses (debounced), off
 * the keystroke path; fuse.js and the search module load on first use. Answers name their query, so
 * the reducer drops any that a newer query overtook.
 */
import { useEffect } from 'react';
import type { Executor } from '../../store/executor.js';
import type { StateAction } from '../state.js';

export const KB_SEARCH_DEBOUNCE_MS = 120;
/** Results shown; the search itself is limited (indexed FTS, at most this many re-ranked). */
export const KB_RESULTS = 20;

export function useKbSearch(db: Executor, open: boolean, query: string, dispatch: (a: StateAction) => void): void {
  useEffect(() => {
    if (!open) return;
    if (query.trim() === '') return dispatch({ type: 'kbResults', query, results: [], error: null });
    let alive = true;
    const timer = setTimeout(async () => {
      try {
        const { searchKb } = await import('../../store/kb-search.js');
        const results = await searchKb(db, query, { limit: KB_RESULTS, includeDrafts: true });
        if (alive) dispatch({ type: 'kbResults', query, results, error: null });
      } catch (error) {
        if (alive) dispatch({ type: 'kbResults', query, results: [], error: (error as Error).message.split('\n')[0] ?? 'search failed' });
      }
    }, KB_SEARCH_DEBOUNCE_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [db, open, query, dispatch]);
}
