/**
 * Answers the reducer's detail requests (state/detail.ts): the selected ticket's view, its timeline and
 * its suggested KB articles, read together once the selection rests and answered in one action, so a
 * key in the queue costs one frame and the answer one more. Searching the KB for a ticket costs tens
 * of milliseconds: a ticket whose suggestions are cached (per version and our own links) is answered
 * after DETAIL_DELAY_MS, one not seen yet after SUGGEST_DELAY_MS, so moving through the queue key by
 * key never runs a KB search between two keys. The triage suggestions and similar tickets are read in
 * the same answer, off the keystroke path likewise.
 */
import { useRef } from 'react';
import { listAttachments } from '../../store/attachments.js';
import { assetChoices } from '../../store/asset-links.js';
import { checklistOf } from '../../store/checklists.js';
import { timeline } from '../../store/interactions.js';
import type { Suggestion } from '../../store/kb-links.js';
import type { Executor } from '../../store/executor.js';
import { relationsOf } from '../../store/ticket-relations.js';
import { findTicket, type TicketView } from '../../store/ticket-view.js';
import type { DetailTriage } from '../state/triage.js';
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

/** Suggestions and similar tickets (a few milliseconds at 100k tickets: bench/scenarios/triage.ts); a convenience, so a failure shows none. */
async function triageOf(db: Executor, view: TicketView): Promise<DetailTriage | null> {
  try {
    const [{ suggestTriage }, { similarTickets }] = await Promise.all([
      import('../../store/triage-suggest.js'),
      import('../../store/ticket-similar.js'),
    ]);
    const verdicts = await suggestTriage(db, view);
    const similar = await similarTickets(db, {
      id: view.id,
      title: view.title,
      description: view.description,
      requesterId: view.requester_id,
      createdAt: view.created_at,
    });
    return { ticketId: view.id, verdicts, similar };
  } catch {
    return null;
  }
}

export function useDetail(request: DetailRequest, links: number, dispatch: (a: StateAction) => void): void {
  const cache = useRef(new Map<string, Suggestion[]>());
  const { id, gen, version } = request;
  const cached = id !== null && cache.current.has(`${id}:${version}:${links}`);
  useDeskQuery(
    id === null ? null : `${id}:${gen}`,
    async (db) => {
      const at = Date.now();
      const [found, events, files, checklist, assets, relations] = await Promise.all([
        findTicket(db, id!),
        timeline(db, id!),
        listAttachments(db, id!),
        checklistOf(db, id!),
        assetChoices(db, id!),
        relationsOf(db, id!),
      ]);
      const view = found && { ...found, attachments: files.map((f) => ({ name: f.name, size: f.size, interactionId: f.interaction_id })) };
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
      const triage = view ? await triageOf(db, view) : null;
      return {
        type: 'detailLoaded',
        gen,
        id: id!,
        view,
        events,
        checklist,
        suggestions,
        triage,
        assets,
        related: relations.related,
        at,
      } as const;
    },
    {
      delayMs: cached ? DETAIL_DELAY_MS : SUGGEST_DELAY_MS,
      onAnswer: dispatch,
      onError: () => dispatch({ type: 'detailLoaded', gen, id: id!, view: null, events: [], suggestions: null, at: Date.now() }),
    },
  );
}
