/**
 * The one way the console reads the desk off the keystroke path: `fetch` runs `delayMs` after its
 * `key` changes (and, when `live`, after the data version moves; the delay is read then, so changing it
 * alone asks nothing); an answer that a newer key overtook
 * is dropped. Answers go to `onAnswer` (usually a dispatch) or, without it, come back as the hook's
 * value. `key` null: nothing to ask. A long read checks `alive()` between its queries.
 */
import { useEffect, useRef, useState } from 'react';
import type { Executor } from '../../store/executor.js';
import { useDesk } from './desk-context.js';

export interface DeskQueryOptions<T> {
  delayMs?: number;
  /** Ask again whenever the desk's data changes. */
  live?: boolean;
  onAnswer?(value: T): void;
  onError?(error: Error): void;
}

export function useDeskQuery<T>(
  key: string | null,
  fetch: (db: Executor, alive: () => boolean) => Promise<T>,
  options: DeskQueryOptions<T> = {},
): T | undefined {
  const { desk, version } = useDesk();
  const [value, setValue] = useState<T>();
  const latest = useRef({ fetch, options });
  latest.current = { fetch, options };
  const live = options.live ? version : 0;
  useEffect(() => {
    if (key === null) return;
    let alive = true;
    const timer = setTimeout(() => {
      latest.current
        .fetch(desk.db, () => alive)
        .then(
          (answer) => {
            if (!alive) return;
            const { onAnswer } = latest.current.options;
            if (onAnswer) onAnswer(answer);
            else setValue(() => answer);
          },
          (error: Error) => {
            if (alive) latest.current.options.onError?.(error);
          },
        );
    }, latest.current.options.delayMs ?? 0);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [desk, key, live]);
  return value;
}

/** Lets a key pressed meanwhile be handled between two queries of a longer read. */
export const yieldToInput = () => new Promise<void>((resolve) => setImmediate(resolve));
