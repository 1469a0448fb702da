/**
 * The timer's effects: stamps a started timer with the console's clock, writes a stopped one as an
 * internal note with its minutes (so `report workload` sums them), and ticks once a second while one
 * runs so the status bar's `⏱ HD-42 12:34` moves. The clock is injected (tests pass a fake one).
 */
import { useEffect, useLayoutEffect, useState } from 'react';
import { minutesFor, timerLabel, type TimerAction, type TimerState } from '../state/timer.js';
import { useDesk } from './desk-context.js';
import { logTimer } from './timer-note.js';

export function useTimer(timer: TimerState, dispatch: (a: TimerAction) => void, now: () => number): string | null {
  const { desk, me } = useDesk();
  const running = timer.running;
  // A layout effect: the stamp lands in the same commit as the key, before any later key is read.
  useLayoutEffect(() => {
    if (running && running.startedAt === null) dispatch({ type: 'timerStamp', at: now() });
  }, [running, dispatch, now]);

  const stopping = timer.stopping;
  useEffect(() => {
    if (!stopping) return;
    const at = now();
    const minutes = minutesFor(stopping.startedAt, at);
    const { id, ref } = stopping;
    logTimer(desk.db, me, stopping, at)
      .then(() => dispatch({ type: 'timerLogged', id, ref, minutes, error: null }))
      .catch((error: Error) => dispatch({ type: 'timerLogged', id, ref, minutes, error: error.message.split('\n')[0] ?? 'error' }));
  }, [stopping, desk, me, dispatch, now]);

  const [, setTick] = useState(0);
  const ticking = running !== null && running.startedAt !== null;
  useEffect(() => {
    if (!ticking) return;
    const interval = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(interval);
  }, [ticking]);
  return timerLabel(timer, now());
}
