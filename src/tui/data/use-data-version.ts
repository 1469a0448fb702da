/**
 * Live refresh: polls `PRAGMA data_version` (changes when another process commits) and returns a
 * counter that bumps on each change, or when `bump()` is called after the console's own writes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { dataVersion } from '../../store/data-version.js';
import type { Executor } from '../../store/executor.js';

export const POLL_MS = 500;

export function useDataVersion(db: Executor, pollMs = POLL_MS): { version: number; bump(): void } {
  const [version, setVersion] = useState(0);
  const last = useRef<number | null>(null);
  useEffect(() => {
    let alive = true;
    let busy = false;
    const poll = async () => {
      if (busy) return;
      busy = true;
      try {
        const v = await dataVersion(db);
        if (alive && last.current !== null && v !== last.current) setVersion((n) => n + 1);
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
  }, [db, pollMs]);
  const bump = useCallback(() => setVersion((n) => n + 1), []);
  return { version, bump };
}
