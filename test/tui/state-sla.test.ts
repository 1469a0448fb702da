/** Reducer tests for the timer (`T`) and the dashboard (`D`): keys resolve through the keymap, no clock inside. */
import { describe, expect, it } from 'vitest';
import type { TicketListRow } from '../../src/store/ticket-list.js';
import { initialState, key as keyNamed, modeOf, run, type State, type StateAction } from './reducer-kit.js';
import { clockText, minutesFor, timerLabel } from '../../src/tui/state/timer.js';
import { BUILTIN_VIEWS } from '../../src/tui/state/views.js';

const row = (id: number): TicketListRow => ({
  id,
  ref: `HD-${id}`,
  title: `T${id}`,
  status: 'open',
  priority: 'normal',
  priority_rank: 3,
  category: 'other',
  channel: 'cli',
  tier: 'L1',
  created_at: 0,
  updated_at: 0,
  next_due_at: null,
  first_response_due_at: null,
  resolution_due_at: null,
  requester_name: null,
  assignee_name: null,
  version: 1,
});
const key = (name: string): StateAction => keyNamed(name);

function loaded(): State {
  const s = initialState(BUILTIN_VIEWS);
  return run(s, { type: 'rowsLoaded', gen: s.gen, rows: [row(1), row(2), row(3)], hasBefore: false, hasAfter: false, fallback: 0 });
}

describe('timer reducer', () => {
  it('T starts a timer on the selected ticket; the clock stamps it; T again stops it for writing', () => {
    let s = run(loaded(), key('j'), key('T'));
    expect(s.timer.running).toEqual({ id: 2, ref: 'HD-2', startedAt: null });
    s = run(s, { type: 'timerStamp', at: 1_000 });
    expect(s.timer.running?.startedAt).toBe(1_000);
    expect(run(s, { type: 'timerStamp', at: 5_000 }).timer.running?.startedAt).toBe(1_000);
    // The selection moves on; T stops the running timer, not one on the new selection.
    s = run(s, key('j'), key('T'));
    expect(s.timer.running).toBeNull();
    expect(s.timer.stopping).toEqual({ id: 2, ref: 'HD-2', startedAt: 1_000, quit: false });
    // A start waits for the write; then T starts on the selection.
    expect(run(s, key('T')).timer.running).toBeNull();
    s = run(s, { type: 'timerLogged', id: 2, ref: 'HD-2', minutes: 13, error: null });
    expect(s.timer.stopping).toBeNull();
    expect(s.notice).toBe('Time logged: 13 min on HD-2');
    expect(run(s, key('T')).timer.running).toMatchObject({ id: 3, ref: 'HD-3' });
  });

  it('works from the detail pane, not while typing a filter, and does nothing without a ticket', () => {
    expect(run(loaded(), key('enter'), key('T')).timer.running?.id).toBe(1);
    const filtering = run(loaded(), key('/'), key('T'));
    expect(filtering.timer.running).toBeNull();
    expect(filtering.filter.text).toBe('T');
    expect(run(initialState(BUILTIN_VIEWS), key('T')).timer.running).toBeNull();
  });

  it('quitting with a timer running logs it first, then quits; a failed write stays on screen', () => {
    let s = run(loaded(), key('T'), { type: 'timerStamp', at: 0 }, key('q'));
    expect(s.quit).toBe(false);
    expect(s.timer.stopping).toMatchObject({ id: 1, quit: true });
    expect(run(s, { type: 'timerLogged', id: 1, ref: 'HD-1', minutes: 1, error: null }).quit).toBe(true);
    s = run(s, { type: 'timerLogged', id: 1, ref: 'HD-1', minutes: 1, error: 'database is locked' });
    expect(s.quit).toBe(false);
    expect(s.notice).toBe('time not logged on HD-1: database is locked');
    expect(run(s, key('q')).quit).toBe(true);
    // Not stamped yet: nothing to log, quit at once.
    expect(run(loaded(), key('T'), key('q')).quit).toBe(true);
  });

  it('rounds minutes up, at least 1, at most a day; shows mm:ss then h:mm:ss', () => {
    expect(minutesFor(0, 0)).toBe(1);
    expect(minutesFor(0, 60_000)).toBe(1);
    expect(minutesFor(0, 60_001)).toBe(2);
    expect(minutesFor(0, 12 * 60_000 + 34_000)).toBe(13);
    expect(minutesFor(0, 30 * 3_600_000)).toBe(1440);
    expect(clockText(12 * 60_000 + 34_000)).toBe('12:34');
    expect(clockText(3_723_000)).toBe('1:02:03');
    const s = run(loaded(), key('T'), { type: 'timerStamp', at: 1_000 });
    expect(timerLabel(s.timer, 1_000 + 754_000)).toBe('⏱ HD-1 12:34');
    expect(timerLabel(run(s, key('T')).timer, 0)).toBeNull();
  });
});

describe('dashboard reducer', () => {
  it('D opens the dashboard mode; Esc or D closes it; q still quits; queue keys do not reach the queue', () => {
    let s = run(loaded(), key('D'));
    expect(s.dashboard).toBe(true);
    expect(modeOf(s)).toBe('dashboard');
    expect(run(s, key('j')).queue.sel).toBe(0);
    expect(run(s, key('T')).timer.running).toBeNull();
    expect(run(s, key('escape')).dashboard).toBe(false);
    expect(modeOf(run(s, key('escape')))).toBe('queue');
    expect(run(s, key('D')).dashboard).toBe(false);
    expect(run(s, key('q')).quit).toBe(true);
    s = run(loaded(), key('enter'), key('D'), key('escape'));
    expect(modeOf(s)).toBe('detail');
  });
});
