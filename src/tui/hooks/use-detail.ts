/**
 * Answers the reducer's detail requests (state/detail.ts): the selected ticket's view, its timeline and
 * its suggested KB articles, read together once the selection rests and answered in one action, so a
 * key in the queue costs one frame and the answer one more. Searching the KB for a ticket costs tens
 * of milliseconds: a ticket whose suggestions are cached (per version and our own links) is answered
 * after DETAIL_DELAY_MS, one not seen yet after SUGGEST_DELAY_MS, so moving through the queue key by
 * key never runs a KB search between two keys.
 */
import { useRef } from 'react';
import { listAttachments } from '../../store/attachments.js';
import { checklistOf } from '../../store/checklists.js';
import { timeline } from '../../store/interactions.js';
import type { Suggestion } from '../../store/kb-links.js';
import { findTicket } from '../../store/ticket-view.js';
import type { StateAction } from '../state/types.js';
import { useDeskQuery } from './use-desk-query.js';

/** Holding j down should not query every ticket it passes. */
export const DETAIL_DELAY_MS = 40;
/** A ticket whose suggested articles must be searched for waits until the selection has rested this long. */
export const SUGGEST_DELAY_MS = 150;
export const SUGGESTIONS = 5;
const CACHED = 200;

export interface DetailRequest {
  id: number | null;
  gen: number;
  /** The selected row's version: whether its suggestions are cached is known before asking. */
  version: number | undefined;
}

export function useDetail(request: DetailRequest, links: number, dispatch: (a: StateAction) => void): void {
  const cache = useRef(new Map<string, Suggestion[]>());
  const { id, gen, version } = request;
  const cached = id !== null && cache.current.has(`${id}:${version}:${links}`);
  useDeskQuery(
    id === null ? null : `${id}:${gen}`,
    async (db) => {
      const at = Date.now();
      const [found, events, files, checklist] = await Promise.all([
        findTicket(db, id!),
        timeline(db, id!),
        listAttachments(db, id!),
        checklistOf(db, id!),
      ]);
      const view = found && { ...found, attachments: files.map((f) => ({ name: f.name, size: f.size })) };
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
      return { type: 'detailLoaded', gen, id: id!, view, events, checklist, suggestions, at } as const;
    },
    {
      delayMs: cached ? DETAIL_DELAY_MS : SUGGEST_DELAY_MS,
      onAnswer: dispatch,
      onError: () => dispatch({ type: 'detailLoaded', gen, id: id!, view: null, events: [], suggestions: null, at: Date.now() }),
    },
  );
}
