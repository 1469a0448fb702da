/**
 * Answers the reducer's detail requests (state/detail.ts): the selected ticket's view, its timeline and
 * its suggested KB articles, read together shortly after the selection settles (holding j queries
 * nothing) and answered in one action, so a key in the queue costs one frame and the answer one more.
 * Suggestions are cached per ticket version and our own links: moving back to a ticket finds them.
 */
import { useRef } from 'react';
import { timeline } from '../../store/interactions.js';
import type { Suggestion } from '../../store/kb-links.js';
import { findTicket } from '../../store/ticket-view.js';
import type { StateAction } from '../state/types.js';
import { useDeskQuery } from './use-desk-query.js';

/** Holding j down should not query every ticket it passes. */
export const DETAIL_DELAY_MS = 40;
export const SUGGESTIONS = 5;
const CACHED = 200;

export function useDetail(request: { id: number | null; gen: number }, links: number, dispatch: (a: StateAction) => void): void {
  const cache = useRef(new Map<string, Suggestion[]>());
  const { id, gen } = request;
  useDeskQuery(
    id === null ? null : `${id}:${gen}`,
    async (db) => {
      const at = Date.now();
      const [view, events] = await Promise.all([findTicket(db, id!), timeline(db, id!)]);
      let suggestions: Suggestion[] | null = null;
      if (view) {
        const key = `${id}:${view.version}:${links}`;
        suggestions = cache.current.get(key) ?? null;
        if (!suggestions) {
          try {
            const { suggestForTicket } = await import('../../store/kb-links.js');
            suggestions = await suggestForTicket(db, id!, SUGGESTIONS);
            cache.current.set(key, suggestions);
            if (cache.current.size > CACHED) cache.current.delete(cache.current.keys().next().value!);
          } catch {
            // suggestions are a convenience: the ticket reads fine without them
            suggestions = [];
          }
        }
      }
      return { type: 'detailLoaded', gen, id: id!, view, events, suggestions, at } as const;
    },
    {
      delayMs: DETAIL_DELAY_MS,
      onAnswer: dispatch,
      onError: () => dispatch({ type: 'detailLoaded', gen, id: id!, view: null, events: [], suggestions: null, at: Date.now() }),
    },
  );
}
