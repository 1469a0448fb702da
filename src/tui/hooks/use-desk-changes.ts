/**
 * Live refresh: the store's change feed (store/changes.ts: LISTEN/NOTIFY on a PostgreSQL desk, no
 * polling of the server; `PRAGMA data_version` polled on an SQLite file) tells the reducer, which
 * moves the one data-version counter and reloads what is shown. The notifications of one commit
 * (a row each) come in a burst: they are folded into one refresh. A lost connection goes to the
 * reducer as well (state/link.ts); the feed reconnects by itself, with backoff.
 */
import { useEffect } from 'react';
import { watchChanges } from '../../store/changes.js';
import type { StateAction } from '../state/types.js';
import { useDesk } from './desk-context.js';

export const POLL_MS = 500;
/** How long a burst of notifications is gathered into one refresh (ms). */
const GATHER_MS = 30;

export function useDeskChanges(dispatch: (a: StateAction) => void, pollMs = POLL_MS): void {
  const { desk } = useDesk();
  useEffect(() => {
    let pending: NodeJS.Timeout | null = null;
    const onChange = () => {
      pending ??= setTimeout(() => {
        pending = null;
        dispatch({ type: 'refresh' });
      }, GATHER_MS);
    };
    const watch = watchChanges(desk, onChange, {
      pollMs,
      onStatus: (status) => dispatch({ type: 'link', lost: status === 'lost' }),
    });
    return () => {
      if (pending) clearTimeout(pending);
      void watch.stop();
    };
  }, [desk, pollMs, dispatch]);
}
