/**
 * The macro picker's fuzzy match: fuse.js over the macros' names and titles, loaded on first use
 * (never at start-up, never on the CLI path). Answers name their query, so the reducer drops any that
 * a newer query overtook.
 */
import { useEffect } from 'react';
import type { Macro } from '../../domain/macro.js';
import type { StateAction } from '../state/types.js';

export function useMacroSearch(query: string | null, macros: readonly Macro[], dispatch: (a: StateAction) => void): void {
  useEffect(() => {
    if (query === null || !query.trim()) return;
    let alive = true;
    void import('fuse.js').then(({ default: Fuse }) => {
      if (!alive) return;
      const fuse = new Fuse([...macros], { keys: ['name', 'title'], threshold: 0.4, ignoreLocation: true });
      dispatch({ type: 'macroMatches', query, names: fuse.search(query.trim()).map((r) => r.item.name) });
    });
    return () => {
      alive = false;
    };
  }, [query, macros, dispatch]);
}
