import { describe, expect, it } from 'vitest';
import type { TicketListRow } from '../../src/store/ticket-list.js';
import { addPage, move, replaceRows, windowCap, type QueueWindow } from '../../src/tui/state/queue-window.js';

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
const rows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => row(from + i));
const win = (over: Partial<QueueWindow>): QueueWindow => ({
  rows: rows(1, 40),
  hasBefore: false,
  hasAfter: true,
  sel: 0,
  top: 0,
  pending: 0,
  ...over,
});

describe('queue window', () => {
  it('moves and scrolls the screen to keep the selection visible', () => {
    let w = win({});
    for (let i = 0; i < 12; i++) w = move(w, 1, 10);
    expect([w.sel, w.top]).toEqual([12, 3]);
    w = move(w, -5, 10);
    expect([w.sel, w.top]).toEqual([7, 3]);
  });

  it('pages with the screen', () => {
    const w = move(win({ sel: 2 }), 10, 10, true);
    expect([w.sel, w.top]).toEqual([12, 10]);
  });

  it('stops at a real end, and waits at a loaded edge with more behind it', () => {
    expect(move(win({ hasAfter: false, sel: 39, top: 30 }), 5, 10)).toMatchObject({ sel: 39, pending: 0 });
    expect(move(win({ sel: 39, top: 30 }), 5, 10)).toMatchObject({ sel: 39, pending: 5 });
  });

  it('adds a page after, applies the pending move, and trims the front to the cap', () => {
    const cap = windowCap(10);
    let w = win({ rows: rows(1, cap), sel: cap - 1, top: cap - 10, pending: 3 });
    w = addPage(w, 'after', rows(cap + 1, cap + 40), true, 10);
    expect(w.rows.length).toBe(cap);
    expect(w.rows[w.sel]!.id).toBe(cap + 3);
    expect(w.hasBefore).toBe(true);
    expect(w.rows[w.top]!.id).toBeLessThanOrEqual(cap + 3);
    expect(w.sel - w.top).toBeLessThan(10);
  });

  it('adds a page before, keeping the same ticket selected', () => {
    let w = win({ rows: rows(41, 80), hasBefore: true, sel: 0, top: 0, pending: -1 });
    w = addPage(w, 'before', rows(1, 40), false, 10);
    expect(w.rows[0]!.id).toBe(1);
    expect(w.rows[w.sel]!.id).toBe(40);
    expect(w.hasBefore).toBe(false);
  });

  it('keeps the selected ticket on the same screen line when rows are replaced', () => {
    const w = win({ sel: 15, top: 10 });
    const next = replaceRows(w, [row(99), ...rows(1, 40)], { hasBefore: false, hasAfter: true }, 16, 0, 10);
    expect(next.rows[next.sel]!.id).toBe(16);
    expect(next.sel - next.top).toBe(5);
  });

  it('lands on the fallback when the selected ticket is gone', () => {
    const next = replaceRows(win({ sel: 3 }), rows(5, 20), { hasBefore: false, hasAfter: false }, 4, 0, 10);
    expect(next.rows[next.sel]!.id).toBe(5);
  });
});
