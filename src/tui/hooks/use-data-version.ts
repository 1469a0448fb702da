/**
 * Live refresh: polls `PRAGMA data_version` (it moves when another process commits) and tells the
 * reducer, which moves the one data-version counter and reloads what is shown.
 */
import { useEffect, useRef } from 'react';
import { dataVersion } from '../../store/data-version.js';
import type { StateAction } from '../state/types.js';
import { useDesk } from './desk-context.js';

export const POLL_MS = 500;

export function useDataVersionPoll(dispatch: (a: StateAction) => void, pollMs = POLL_MS): void {
  const { desk } = useDesk();
  const last = useRef<number | null>(null);
  useEffect(() => {
    let alive = true;
    let busy = false;
    const poll = async () => {
      if (busy) return;
      busy = true;
      try {
        const v = await dataVersion(desk.db);
        if (alive && last.current !== null && v !== last.current) dispatch({ type: 'refresh' });
        last.current = v;
      } catch {
        // the database went away (closing): the next tick tries again, unmount stops it
      } finally {
        busy = false;
      }
    };
    void poll();
    const timer = setInterval(poll, pollMs);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [desk, pollMs, dispatch]);
}
