/**
 * Tab counts, off the keystroke path: computed after the first frame and after each data change,
 * one view per macrotask so a key pressed meanwhile is handled between two counts.
 */
import { useEffect } from 'react';
import { parseQuery } from '../../domain/query.js';
import type { Executor } from '../../store/executor.js';
import { countTickets } from '../../store/ticket-list.js';
import type { StateAction } from '../state.js';
import type { View } from '../views.js';

const yieldToInput = () => new Promise<void>((resolve) => setImmediate(resolve));

export function useCounts(
  db: Executor,
  views: readonly View[],
  meId: number | null,
  version: number,
  dispatch: (a: StateAction) => void,
): void {
  useEffect(() => {
    let alive = true;
    const timer = setTimeout(async () => {
      const counts: Record<string, number> = {};
      for (const v of views) {
        await yieldToInput();
        if (!alive) return;
        try {
          counts[v.key] = await countTickets(db, parseQuery(v.query), { meId, now: Date.now() });
        } catch {
          // a saved view that does not parse has no count; the queue shows its error
        }
      }
      if (alive) dispatch({ type: 'counts', counts });
    }, 0);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [db, views, meId, version, dispatch]);
}
