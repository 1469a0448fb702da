/**
 * The selected ticket's suggested KB articles (store: suggestForTicket), loaded once the selection
 * settles and the ticket's detail is in (so holding j never searches the KB), cached per ticket id,
 * version and our own links: moving back to a ticket shows its suggestions at once.
 */
import { useEffect, useRef } from 'react';
import type { Executor } from '../../store/executor.js';
import type { Suggestion } from '../../store/kb-links.js';
import type { StateAction } from '../state.js';

export const SUGGEST_DELAY_MS = 150;
export const SUGGESTIONS = 5;
const CACHED = 200;

export function useSuggestions(
  db: Executor,
  ticketId: number | null,
  version: number | null,
  links: number,
  dispatch: (a: StateAction) => void,
): void {
  const cache = useRef(new Map<string, Suggestion[]>());
  useEffect(() => {
    if (ticketId === null || version === null) return;
    const key = `${ticketId}:${version}:${links}`;
    const hit = cache.current.get(key);
    if (hit) return dispatch({ type: 'kbSuggestions', ticketId, items: hit });
    let alive = true;
    const timer = setTimeout(async () => {
      let items: Suggestion[] = [];
      try {
        const { suggestForTicket } = await import('../../store/kb-links.js');
        items = await suggestForTicket(db, ticketId, SUGGESTIONS);
        const map = cache.current;
        map.set(key, items);
        if (map.size > CACHED) map.delete(map.keys().next().value!);
      } catch {
        // suggestions are a convenience: the ticket reads fine without them
      }
      if (alive) dispatch({ type: 'kbSuggestions', ticketId, items });
    }, SUGGEST_DELAY_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [db, ticketId, version, links, dispatch]);
}
