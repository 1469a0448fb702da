import { describe, expect, it } from 'vitest';
import type { TicketListRow } from '../../src/store/ticket-list.js';
import { initialState, key, modeOf, run, seen, selectedRow, typed, type State, type StateAction } from './reducer-kit.js';
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
const rows = (n: number) => Array.from({ length: n }, (_, i) => row(i + 1));
const cmd = (command: string, arg?: string) => ({ type: 'command', command, arg }) as StateAction;

/** At 80×24 the queue shows 10 rows and the detail pane pages by 8 (state/layout.ts). */
function loaded(n = 30, hasAfter = false, size = { columns: 80, rows: 24 }): State {
  const s = initialState(BUILTIN_VIEWS, undefined, size);
  return run(s, { type: 'rowsLoaded', gen: s.gen, rows: rows(n), hasBefore: false, hasAfter, fallback: 0 });
}

describe('console reducer', () => {
  it('selects the first row once rows load and moves with down/up', () => {
    const s = run(loaded(), cmd('down'), cmd('down'), cmd('up'));
    expect(selectedRow(s)?.id).toBe(2);
  });

  it('drops answers of an older generation', () => {
    const s = loaded();
    const next = run(s, cmd('view', '2'), {
      type: 'rowsLoaded',
      gen: s.gen,
      rows: [row(99)],
      hasBefore: false,
      hasAfter: false,
      fallback: 0,
    });
    expect(next.queue.rows.map((r) => r.id)).not.toContain(99);
    expect(next.view).toBe(1);
  });

  it('G with more rows unloaded asks for the end; without, selects the last row', () => {
    expect(run(loaded(30, true), cmd('bottom')).request).toEqual({ kind: 'end' });
    expect(selectedRow(run(loaded(30, false), cmd('bottom')))?.id).toBe(30);
  });

  it('focuses the detail pane, scrolls it within its measured length, and goes back', () => {
    // At 80×18 a focused detail pane shows 9 lines and pages by 8; 11 description lines make it 12 longer.
    let s = seen(run(loaded(30, false, { columns: 80, rows: 18 }), cmd('focusDetail')), 1, 1, 11);
    expect(modeOf(s)).toBe('detail');
    s = run(s, cmd('down'), cmd('down'), cmd('pageDown'));
    expect(s.detail.scroll).toBe(10);
    expect(selectedRow(s)?.id).toBe(1);
    s = run(s, cmd('bottom'));
    expect(s.detail.scroll).toBe(12);
    s = run(s, cmd('back'), cmd('down'));
    expect([modeOf(s), selectedRow(s)?.id, s.detail.scroll]).toEqual(['queue', 2, 0]);
  });

  it('filter: typing edits the box, a settled valid text reloads, an error stays inline, Esc clears', () => {
    let s = run(loaded(), cmd('openFilter'), typed('prio:urg'));
    expect(modeOf(s)).toBe('filter');
    const gen = s.gen;
    s = run(s, { type: 'filterSettled', text: 'prio:urg', error: { message: "unknown priority 'urg' at column 6", column: 6 } });
    expect(s.filter.error?.column).toBe(6);
    expect(run(s, cmd('filterKeep')).focus).toBe('filter');
    s = run(s, typed('ent'), { type: 'filterSettled', text: 'prio:urgent', error: null });
    expect([s.filter.live, s.filter.error, s.gen]).toEqual(['prio:urgent', null, gen + 1]);
    s = run(s, cmd('filterKeep'));
    expect([modeOf(s), s.filter.live]).toEqual(['queue', 'prio:urgent']);
    s = run(s, cmd('openFilter'), cmd('filterClear'));
    expect([modeOf(s), s.filter.live, s.filter.text]).toEqual(['queue', '', '']);
  });

  it('resolves keys against the current mode: a chunk of characters is several keys, unbound Alt+key is Esc then key', () => {
    let s = run(loaded(), key(null, '/prio:high'));
    expect([modeOf(s), s.filter.text]).toEqual(['filter', 'prio:high']);
    s = run(loaded(), key(null, 'jjj'));
    expect(selectedRow(s)?.id).toBe(4);
    s = run(s, key('enter'), key('meta+2'));
    expect([modeOf(s), s.view]).toEqual(['queue', 1]);
  });

  it('a held Backspace (DEL DEL DEL in one read) deletes in the filter box instead of typing DEL characters', () => {
    let s = run(loaded(), key(null, '/prio:hgh'));
    s = run(s, key(null, '\x7f\x7f'), key(null, 'igh'));
    expect([modeOf(s), s.filter.text]).toEqual(['filter', 'prio:high']);
    s = run(s, key(null, 'x\x7fx\x08'));
    expect(s.filter.text).toBe('prio:high');
  });

  it('ignores a settled text that is no longer in the box', () => {
    const s = run(loaded(), cmd('openFilter'), typed('vpn'), { type: 'filterSettled', text: 'vp', error: null });
    expect(s.filter.live).toBe('');
  });

  it('refresh keeps the selected ticket even when rows shift', () => {
    let s = run(loaded(), cmd('down'), cmd('down'), { type: 'refresh' });
    expect(s.request).toEqual({ kind: 'anchor', id: 3 });
    s = run(s, { type: 'rowsLoaded', gen: s.gen, rows: [row(100), ...rows(30)], hasBefore: false, hasAfter: false, fallback: 0 });
    expect(selectedRow(s)?.id).toBe(3);
  });

  it('g or G while a reload is on its way asks for the top or the end, so the answer cannot undo them', () => {
    // After a write the queue reloads around the ticket; its order may change (test/e2e/console-actions: `g` after "reply sent").
    let s = run(loaded(5), cmd('down'), { type: 'refresh' });
    s = run(s, cmd('top'));
    expect(s.request).toEqual({ kind: 'start' });
    s = run(s, { type: 'rowsLoaded', gen: s.gen, rows: [row(9), ...rows(5)], hasBefore: false, hasAfter: false, fallback: 0 });
    expect(selectedRow(s)?.id).toBe(9);
    s = run(s, { type: 'refresh' }, cmd('bottom'));
    expect(s.request).toEqual({ kind: 'end' });
  });

  it('s cycles sorts and reloads from the top; q quits; an empty desk shows the welcome mode', () => {
    const s = run(loaded(), cmd('cycleSort'));
    expect([s.sort, s.request]).toEqual([1, { kind: 'start' }]);
    expect(run(s, cmd('quit')).quit).toBe(true);
    expect(modeOf(run(s, { type: 'empty', empty: true }))).toBe('welcome');
  });

  it('type-ahead: keys pressed while a view loads act on its rows once they arrive; quit does not wait; a failed load drops them', () => {
    let s = run(loaded(), typed('4'), typed('x'), key('j'), typed('x'));
    expect([s.loaded, s.act.marks.length, s.ahead.length]).toEqual([false, 0, 3]);
    // `4xjx` in one read is the same four keys.
    expect(run(loaded(), typed('4xjx')).ahead.length).toBe(3);
    s = run(s, {
      type: 'rowsLoaded',
      gen: s.gen,
      rows: rows(5).map((r) => row(r.id + 50)),
      hasBefore: false,
      hasAfter: false,
      fallback: 0,
    });
    expect(s.act.marks.map((m) => m.id)).toEqual([51, 52]);
    expect([selectedRow(s)?.id, s.ahead.length]).toEqual([52, 0]);

    // A key that starts another load from scratch holds the ones after it again.
    s = run(s, typed('5'), typed('j'), typed('2'), key('j'));
    expect(s.ahead.length).toBe(3);
    s = run(s, { type: 'rowsLoaded', gen: s.gen, rows: rows(3), hasBefore: false, hasAfter: false, fallback: 0 });
    expect([s.view, s.ahead.length, s.loaded]).toEqual([1, 1, false]);
    s = run(s, { type: 'rowsLoaded', gen: s.gen, rows: rows(3), hasBefore: false, hasAfter: false, fallback: 0 });
    expect(selectedRow(s)?.id).toBe(2);

    expect(run(loaded(), typed('4'), typed('x'), typed('q')).quit).toBe(true);
    const failed = run(loaded(), typed('4'), typed('x'), { type: 'rowsFailed', text: 'cannot load the queue: gone' });
    expect([failed.ahead.length, failed.notice]).toEqual([0, 'cannot load the queue: gone']);
  });
});
