/**
 * Tab counts, off the keystroke path: computed after the first frame and after each data change,
 * one view per macrotask so a key pressed meanwhile is handled between two counts.
 */
import { parseQuery } from '../../domain/query.js';
import { countTickets } from '../../store/ticket-list.js';
import type { StateAction } from '../state/types.js';
import type { View } from '../state/views.js';
import { useDesk } from './desk-context.js';
import { useDeskQuery, yieldToInput } from './use-desk-query.js';

export function useCounts(views: readonly View[], dispatch: (a: StateAction) => void): void {
  const { me } = useDesk();
  useDeskQuery(
    `${me.id}:${views.map((v) => v.query).join('\n')}`,
    async (db, alive) => {
      const counts: Record<string, number> = {};
      for (const v of views) {
        await yieldToInput();
        if (!alive()) break;
        try {
          counts[v.key] = await countTickets(db, parseQuery(v.query), { meId: me.id, now: Date.now() });
        } catch {
          // a saved view that does not parse has no count; the queue shows its error
        }
      }
      return counts;
    },
    { live: true, onAnswer: (counts) => dispatch({ type: 'counts', counts }) },
  );
}
