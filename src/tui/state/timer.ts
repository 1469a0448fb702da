/**
 * The running timer (`T`), pure: no clock in here. Starting records the ticket with `startedAt: null`
 * and hooks/use-timer.ts stamps it from the console's clock; stopping moves it to `stopping`, which
 * the same hook writes as an internal note with the minutes (rounded up, at least 1), then answers
 * with `timerLogged`. Quitting with a timer running logs it first.
 */

export interface TimedTicket {
  id: number;
  ref: string;
  /** null until the hook stamps it (the same frame). */
  startedAt: number | null;
}

export interface TimerState {
  running: TimedTicket | null;
  /** Being written as a note; `quit` quits once it is written. */
  stopping: (TimedTicket & { startedAt: number; quit: boolean }) | null;
}

export const NO_TIMER: TimerState = { running: null, stopping: null };

export type TimerAction =
  { type: 'timerStamp'; at: number } | { type: 'timerLogged'; id: number; ref: string; minutes: number; error: string | null };

const MINUTE = 60_000;
/** An interaction holds at most a day of minutes. */
export const MAX_MINUTES = 24 * 60;

/** Minutes to log for a span: rounded up, at least 1, at most a day. */
export function minutesFor(startedAt: number, stoppedAt: number): number {
  return Math.min(MAX_MINUTES, Math.max(1, Math.ceil((stoppedAt - startedAt) / MINUTE)));
}

/** `12:34`, `1:02:03` for the status bar. */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const p = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  return h ? `${h}:${p(Math.floor(s / 60) % 60)}:${p(s % 60)}` : `${p(Math.floor(s / 60))}:${p(s % 60)}`;
}

/** `⏱ HD-42 12:34` while a timer runs. */
export function timerLabel(t: TimerState, now: number): string | null {
  if (!t.running) return null;
  return `⏱ ${t.running.ref} ${clockText(t.running.startedAt === null ? 0 : now - t.running.startedAt)}`;
}

/** `T`: stop the running timer (whichever ticket it is on), else start one on the selected ticket. */
export function toggleTimer(t: TimerState, selected: { id: number; ref: string } | undefined): TimerState {
  if (t.running) return stopTimer(t, false);
  // One write at a time: a start waits until the last stop is written (a few milliseconds).
  if (!selected || t.stopping) return t;
  return { ...t, running: { id: selected.id, ref: selected.ref, startedAt: null } };
}

/** Stops the running timer; `quit` asks to quit once its minutes are written. */
export function stopTimer(t: TimerState, quit: boolean): TimerState {
  const r = t.running;
  if (!r) return t;
  // Not stamped yet (stopped in the same frame): nothing to log.
  if (r.startedAt === null) return { ...t, running: null };
  return { running: null, stopping: { ...r, startedAt: r.startedAt, quit } };
}

/** Quitting: a running timer is stopped and written first; null when there is nothing to wait for. */
export function quitTimer(t: TimerState): TimerState | null {
  if (t.stopping) return { ...t, stopping: { ...t.stopping, quit: true } };
  const stopped = stopTimer(t, true);
  return stopped.stopping ? stopped : null;
}

/** After `timerLogged`: quit now if the stop was a quit and the minutes were written (an error stays on screen). */
export function quitAfterLog(t: TimerState, a: Extract<TimerAction, { type: 'timerLogged' }>): boolean {
  return a.error === null && t.stopping?.id === a.id && t.stopping.quit;
}

export function reduceTimer(t: TimerState, a: TimerAction): TimerState {
  switch (a.type) {
    case 'timerStamp':
      return t.running && t.running.startedAt === null ? { ...t, running: { ...t.running, startedAt: a.at } } : t;
    case 'timerLogged':
      return t.stopping?.id === a.id ? { ...t, stopping: null } : t;
  }
}

/** The notice after a write: `Time logged: 13 min on HD-42`. */
export function loggedNotice(a: Extract<TimerAction, { type: 'timerLogged' }>): string {
  return a.error ? `time not logged on ${a.ref}: ${a.error}` : `Time logged: ${a.minutes} min on ${a.ref}`;
}
