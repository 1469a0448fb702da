/** The selected ticket's full view and timeline, fetched shortly after the selection settles. */
import { useEffect, useState } from 'react';
// eslint-disable-next-line import-x/no-restricted-paths -- #12: layer leak, to be removed by the restructure
import type { InteractionRow } from '../../db/schema.js';
import type { Executor } from '../../store/executor.js';
import { timeline } from '../../store/interactions.js';
import { findTicket, type TicketView } from '../../store/ticket-view.js';

/** Holding j down should not query every ticket it passes. */
export const DETAIL_DELAY_MS = 40;

export interface Detail {
  id: number | null;
  view: TicketView | null;
  events: InteractionRow[] | null;
}

const NONE: Detail = { id: null, view: null, events: null };

export function useDetail(db: Executor, id: number | null, version: number): Detail {
  const [detail, setDetail] = useState<Detail>(NONE);
  useEffect(() => {
    if (id === null) return;
    let alive = true;
    const timer = setTimeout(async () => {
      try {
        const [view, events] = await Promise.all([findTicket(db, id), timeline(db, id)]);
        if (alive) setDetail({ id, view, events });
      } catch {
        if (alive) setDetail({ id, view: null, events: [] });
      }
    }, DETAIL_DELAY_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [db, id, version]);
  return detail.id === id ? detail : { ...NONE, id };
}
