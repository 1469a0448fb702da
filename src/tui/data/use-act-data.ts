/** Data the dialogs need: the technicians (assign picker) and requester completions (new-ticket form). */
import { useEffect } from 'react';
import type { Executor } from '../../store/executor.js';
import { listRequesters } from '../../store/requesters.js';
import { listTechnicians } from '../../store/technicians.js';
import type { StateAction } from '../state.js';

export const SUGGEST_DEBOUNCE_MS = 80;

export function useTechnicians(db: Executor, meId: number | null, version: number, dispatch: (a: StateAction) => void): void {
  useEffect(() => {
    let alive = true;
    listTechnicians(db)
      .then(
        (rows) => alive && dispatch({ type: 'technicians', list: rows.map((t) => ({ name: t.name, email: t.email, me: t.id === meId })) }),
      )
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [db, meId, version, dispatch]);
}

/** Known requesters matching `text` (null: the requester field is not being typed in). */
export function useRequesterSuggestions(db: Executor, text: string | null, dispatch: (a: StateAction) => void): void {
  useEffect(() => {
    if (text === null || text.trim() === '') return;
    let alive = true;
    const timer = setTimeout(async () => {
      try {
        const rows = await listRequesters(db, text.trim(), 4);
        const items = rows.map((r) => (r.email ? `${r.name} <${r.email}>` : r.name)).filter((x) => x !== text.trim());
        if (alive) dispatch({ type: 'suggestions', text: text.trim(), items });
      } catch {
        // completion is a convenience: typing goes on without it
      }
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [db, text, dispatch]);
}
