/** The act reducer, pure: every command and data action, with real key names through `reducer`. */
import { describe, expect, it } from 'vitest';
import type { TicketListRow } from '../../src/store/ticket-list.js';
import type { Intent, Outcome, Overlay } from '../../src/tui/state/act/types.js';
import { editorText } from '../../src/tui/state/editor.js';
import { initialState, key, modeOf, run, seen, selectedRow, typed, type State } from './reducer-kit.js';
import { BUILTIN_VIEWS } from '../../src/tui/state/views.js';

const row = (id: number, over: Partial<TicketListRow> = {}): TicketListRow => ({
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
  ...over,
});
const keys = (s: State, ...names: string[]) => run(s, ...names.map((n) => key(n)));
const text = (s: State, t: string): State => run(s, typed(t));
const intents = (s: State): Intent[] => s.act.queue.map((q) => q.intent);
const overlay = (s: State): Overlay => s.act.overlay!;

function loaded(rows: TicketListRow[] = [row(1), row(2), row(3)]): State {
  let s = initialState(BUILTIN_VIEWS);
  s = seen(run(s, { type: 'rowsLoaded', gen: s.gen, rows, hasBefore: false, hasAfter: false, fallback: 0 }), 1, 4);
  return run(s, {
    type: 'technicians',
    list: [
      { name: 'Olga Other', email: 'olga@example.com', me: false },
      { name: 'Tess Tester', email: 'tess@example.com', me: true },
    ],
  });
}
const done = (s: State, outcome: Outcome, seq = s.act.queue[0]!.seq) => run(s, { type: 'intentDone', seq, outcome });

describe('act reducer: single-ticket commands', () => {
  it('a queues an assign-to-me with the version seen (compare-and-set)', () => {
    const s = keys(loaded(), 'a');
    expect(intents(s)).toEqual([
      {
        kind: 'update',
        target: expect.objectContaining({ ids: [1], version: 4, bulk: false }),
        changes: { assignee: 'me' },
        action: 'assign',
        verb: 'assigned to you',
      },
    ]);
    expect(s.act.overlay).toBeNull();
  });

  it('A picks a technician by digit (you first, nobody last)', () => {
    let s = keys(loaded(), 'A');
    const o = overlay(s);
    expect(o.kind === 'picker' && o.options.map((x) => `${x.key} ${x.label}`)).toEqual([
      '1 Tess Tester (you)',
      '2 Olga Other',
      '0 nobody (unassign)',
    ]);
    s = keys(s, '2');
    expect(intents(s)[0]).toMatchObject({ changes: { assignee: 'olga@example.com' }, verb: 'assigned to Olga Other' });
    expect(s.act.overlay).toBeNull();
  });

  it('p starts on the current priority; j/k/⏎ or the letter choose', () => {
    let s = keys(loaded([row(1, { priority: 'high' })]), 'p');
    expect(overlay(s)).toMatchObject({ kind: 'picker', index: 1 });
    s = keys(s, 'j', 'k', 'k', 'enter');
    expect(intents(s)[0]).toMatchObject({ changes: { priority: 'urgent' } });
    expect(intents(keys(loaded(), 'p', 'l'))[0]).toMatchObject({ changes: { priority: 'low' }, verb: 'priority low' });
  });

  it('t offers only the allowed moves; resolved goes through a resolution', () => {
    const from = (status: string) => overlay(keys(loaded([row(1, { status })]), 't'));
    expect((from('new') as Extract<Overlay, { kind: 'picker' }>).options.map((o) => o.value)).toEqual([
      'open',
      'pending',
      'on_hold',
      'resolved',
      'closed',
    ]);
    expect((from('resolved') as Extract<Overlay, { kind: 'picker' }>).options.map((o) => o.value)).toEqual(['open', 'closed']);
    expect(intents(keys(loaded(), 't', 'h'))[0]).toMatchObject({ changes: { status: 'on_hold' }, verb: 'now on hold' });
    expect(overlay(keys(loaded(), 't', 'r'))).toMatchObject({ kind: 'compose', purpose: 'resolve' });
  });

  it('r, i and l open text boxes; empty text is refused; l takes digits only for minutes', () => {
    let s = keys(loaded(), 'r', 'ctrl+s');
    expect([modeOf(s), s.notice]).toEqual(['compose', 'the reply is required: type it, then save']);
    s = text(s, 'Try again please');
    s = keys(s, 'ctrl+s');
    expect(intents(s)[0]).toMatchObject({ kind: 'interaction', input: { kind: 'reply', body: 'Try again please' } });
    expect(intents(text(keys(loaded(), 'i'), 'only us')).length).toBe(0);
    expect(intents(keys(text(keys(loaded(), 'i'), 'only us'), 'ctrl+s'))[0]).toMatchObject({ input: { kind: 'note', body: 'only us' } });
    s = keys(loaded(), 'l', 'x', '1', '5', 'tab');
    s = keys(text(s, 'Talked'), 'ctrl+s');
    expect(intents(s)[0]).toMatchObject({ input: { kind: 'call', body: 'Talked', minutes: 15 } });
  });

  it('e offers the tiers above and asks for a reason; at L3 it says so', () => {
    let s = keys(loaded(), 'e');
    expect((overlay(s) as Extract<Overlay, { kind: 'picker' }>).options.map((o) => o.value)).toEqual(['L2', 'L3']);
    s = keys(text(keys(s, '3'), 'Kernel panic'), 'ctrl+s');
    expect(intents(s)[0]).toMatchObject({ kind: 'escalate', tier: 'L3', reason: 'Kernel panic' });
    expect(keys(loaded([row(1, { tier: 'L3' })]), 'e').notice).toBe('HD-1 is already at L3: no tier above');
  });

  it('R needs a resolution; o reopens only resolved or closed tickets; # adds and removes tags; y copies', () => {
    expect(intents(keys(text(keys(loaded(), 'R'), 'Fixed'), 'ctrl+s'))[0]).toMatchObject({ kind: 'resolve', resolution: 'Fixed' });
    expect(keys(loaded(), 'o').notice).toBe('HD-1 is open: nothing to reopen');
    expect(intents(keys(loaded([row(1, { status: 'closed' })]), 'o'))[0]).toMatchObject({ kind: 'reopen' });
    expect(intents(keys(text(keys(loaded(), '#'), 'vpn, -old +wifi'), 'ctrl+s'))[0]).toMatchObject({
      changes: { addTags: ['vpn', 'wifi'], removeTags: ['old'] },
      verb: 'tags +vpn +wifi -old',
    });
    expect(keys(text(keys(loaded(), '#'), 'bad!tag'), 'ctrl+s').notice).toMatch(/not a tag/);
    expect(intents(keys(loaded(), 'y'))).toEqual([{ kind: 'copy', text: 'HD-1' }]);
  });

  it('E opens a reply and asks for $EDITOR; ^E does the same from a box; the text comes back into it', () => {
    let s = keys(loaded(), 'E');
    expect([overlay(s).kind, intents(s)]).toEqual(['compose', [{ kind: 'editor', text: '' }]]);
    s = done(s, { ok: true, message: 'text from $EDITOR: check it, then save', text: 'From vim\n' });
    expect(editorText((overlay(s) as Extract<Overlay, { kind: 'compose' }>).text)).toBe('From vim');
    s = keys(s, 'ctrl+e');
    expect(intents(s)).toEqual([{ kind: 'editor', text: 'From vim' }]);
  });

  it('Esc closes an empty box at once and asks before discarding text', () => {
    expect(keys(loaded(), 'r', 'escape').act.overlay).toBeNull();
    let s = keys(text(keys(loaded(), 'r'), 'draft'), 'escape');
    expect([modeOf(s), overlay(s).ask?.question]).toEqual(['confirm', 'Discard what you typed?']);
    s = keys(s, 'n');
    expect([modeOf(s), editorText((overlay(s) as Extract<Overlay, { kind: 'compose' }>).text)]).toEqual(['compose', 'draft']);
    expect(keys(s, 'escape', 'y').act.overlay).toBeNull();
  });

  it('? opens the help, j/k scroll it, ? or Esc close it', () => {
    let s = keys(loaded(), '?', 'j', 'j', 'k');
    expect([modeOf(s), (overlay(s) as Extract<Overlay, { kind: 'help' }>).scroll]).toEqual(['help', 1]);
    s = keys(s, '?');
    expect(s.act.overlay).toBeNull();
    expect(keys(loaded(), '?', 'escape').act.overlay).toBeNull();
  });
});

describe('act reducer: marks and bulk', () => {
  it('x toggles a mark and stays put (x j x marks two neighbours); bulk commands ask first with the count; X clears', () => {
    let s = keys(loaded(), 'x', 'j', 'x');
    expect([s.act.marks.map((m) => m.id), selectedRow(s)?.id]).toEqual([[1, 2], 2]);
    s = keys(s, 'x');
    expect([s.act.marks.map((m) => m.id), selectedRow(s)?.id]).toEqual([[1], 2]);
    s = keys(s, 'j', 'x', 'a');
    expect([modeOf(s), overlay(s).ask?.question, intents(s)]).toEqual(['confirm', 'Assign to you? (2 tickets)', []]);
    expect(keys(s, 'n').act.overlay).toBeNull();
    s = keys(s, 'y');
    expect(intents(s)[0]).toMatchObject({ target: { ids: [1, 3], bulk: true } });
    expect(keys(loaded(), 'x', 'X').act.marks).toEqual([]);
  });

  it('bulk status offers the moves allowed from every marked status; bulk resolve and tags ask too', () => {
    const s = keys(loaded([row(1, { status: 'new' }), row(2, { status: 'pending' })]), 'x', 'j', 'x', 't');
    expect((overlay(s) as Extract<Overlay, { kind: 'picker' }>).options.map((o) => o.value)).toEqual([
      'open',
      'on_hold',
      'resolved',
      'closed',
    ]);
    expect(overlay(keys(text(keys(loaded(), 'x', 'j', 'x', 'R'), 'dup'), 'ctrl+s')).ask?.question).toBe('Resolve? (2 tickets)');
    expect(overlay(keys(text(keys(loaded(), 'x', 'j', 'x', '#'), 'vpn'), 'ctrl+s')).ask?.question).toBe('Change tags +vpn? (2 tickets)');
  });

  it('a bulk write that lands clears the marks', () => {
    let s = keys(loaded(), 'x', 'j', 'x', 'p', 'h', 'y');
    s = done(s, {
      ok: true,
      message: '2 of 2 tickets priority high',
      versions: [
        { id: 1, version: 5 },
        { id: 2, version: 2 },
      ],
    });
    expect([s.act.marks, s.notice, s.act.loud]).toEqual([[], '2 of 2 tickets priority high', true]);
  });
});

describe('act reducer: bulk compare-and-set', () => {
  it("x records each marked ticket's version; the bulk write carries them; a conflict keeps the marks at what is there now", () => {
    let s = keys(loaded([row(1, { version: 3 }), row(2, { version: 7 }), row(3)]), 'x', 'j', 'x', 'p', 'h', 'y');
    expect(intents(s)[0]).toMatchObject({ target: { bulk: true, ids: [1, 2], versions: { 1: 3, 2: 7 } } });
    s = done(s, {
      ok: false,
      conflict: true,
      message: 'HD-2: Olga changed priority meanwhile — none of the 2 tickets written, marks kept',
      versions: [
        { id: 1, version: 3 },
        { id: 2, version: 8 },
      ],
    });
    expect(s.act.marks.map((m) => [m.id, m.version])).toEqual([
      [1, 3],
      [2, 8],
    ]);
    expect(overlay(s)).toMatchObject({ kind: 'picker', purpose: 'priority', target: { versions: { 1: 3, 2: 8 } } });
  });
});

describe('act reducer: the new-ticket form', () => {
  it('n opens it (also on the welcome screen); Tab moves; a missing title is shown beside it; a valid one is created', () => {
    expect(modeOf(keys(run(initialState(BUILTIN_VIEWS), { type: 'empty', empty: true }), 'n'))).toBe('form');
    let s = keys(loaded(), 'n', 'tab', 'ctrl+s');
    const f = (st: State) => (overlay(st) as Extract<Overlay, { kind: 'form' }>).form;
    expect([f(s).focus, f(s).errors.title]).toEqual(['title', 'is required']);
    // Title, requester, template (none: a plain ticket), category, priority, channel.
    s = keys(text(s, 'New mouse'), 'tab', 'tab', 'tab', 'h', 'tab', 'h', 'tab', 'right', 'shift+tab', 'shift+tab');
    expect([f(s).category, f(s).priority, f(s).focus]).toEqual(['hardware', 'high', 'category']);
    s = keys(s, 'ctrl+s');
    expect(intents(s)[0]).toMatchObject({
      kind: 'create',
      input: { title: 'New mouse', category: 'hardware', priority: 'high', channel: 'email' },
    });
  });

  it('requester completions arrive for the typed text; ↓ highlights, Tab takes one', () => {
    let s = keys(loaded(), 'n', 'tab');
    s = text(s, 'an');
    s = run(s, { type: 'suggestions', text: 'an', items: ['Ana Silva <ana@example.com>', 'Anton Berg'] }, key('down'), key('tab'));
    const form = (overlay(s) as Extract<Overlay, { kind: 'form' }>).form;
    expect([editorText(form.requester), form.focus]).toEqual(['Ana Silva <ana@example.com>', 'template']);
  });
});

describe('act reducer: results of writes', () => {
  it('success: the message, the ticket kept and reloaded around, its row updated at once, versions moved on', () => {
    let s = keys(loaded(), 'a', 'p');
    const gen = s.gen;
    s = done(s, {
      ok: true,
      message: 'HD-1 assigned to you',
      versions: [{ id: 1, version: 5 }],
      rows: [row(1, { assignee_name: 'Tess Tester' })],
    });
    expect([s.notice, s.act.keep, s.version, s.gen, s.request]).toEqual(['HD-1 assigned to you', 1, 1, gen + 1, { kind: 'anchor', id: 1 }]);
    expect(selectedRow(s)?.assignee_name).toBe('Tess Tester');
    expect([s.act.seen, overlay(s).target?.version]).toEqual([{ id: 1, version: 5 }, 5]);
  });

  it('queued writes on the same ticket follow our own version; a conflict does not move them', () => {
    let s = keys(loaded(), 'a', 'p', 'h');
    s = done(s, { ok: true, message: 'ok', versions: [{ id: 1, version: 5 }] });
    expect(intents(s)[0]).toMatchObject({ target: { version: 5 } });
    s = keys(loaded(), 'a', 'p', 'h');
    s = done(s, {
      ok: false,
      conflict: true,
      message: 'HD-1: Olga changed priority meanwhile — reloaded',
      versions: [{ id: 1, version: 9 }],
    });
    const first = intents(s)[0];
    expect([first?.kind === 'update' ? first.target.version : null, s.act.seen?.version]).toEqual([4, 9]);
  });

  it('a failed write gives its dialog back with the text (and the fresh version after a conflict)', () => {
    let s = keys(text(keys(loaded(), 'R'), 'Rebooted'), 'ctrl+s');
    expect(s.act.overlay).toBeNull();
    s = done(s, { ok: false, conflict: true, message: 'conflict', versions: [{ id: 1, version: 7 }] });
    const o = overlay(s) as Extract<Overlay, { kind: 'compose' }>;
    expect([o.purpose, editorText(o.text), o.target?.version, s.notice]).toEqual(['resolve', 'Rebooted', 7, 'conflict']);
  });

  it('a failed write while another dialog is open comes back when that one closes', () => {
    let s = keys(text(keys(loaded(), 'r'), 'Hello'), 'ctrl+s', 'p');
    s = done(s, { ok: false, message: 'HD-1: database error' });
    expect(overlay(s).kind).toBe('picker');
    s = keys(s, 'escape');
    expect(editorText((overlay(s) as Extract<Overlay, { kind: 'compose' }>).text)).toBe('Hello');
  });

  it("a dialog opened before its ticket's version arrived takes the first version seen", () => {
    let s = initialState(BUILTIN_VIEWS);
    s = run(s, { type: 'rowsLoaded', gen: s.gen, rows: [row(1)], hasBefore: false, hasAfter: false, fallback: 0 });
    s = seen(seen(keys(s, 'R'), 1, 3), 1, 4);
    expect(overlay(s).target?.version).toBe(3);
  });

  it('moving the selection drops the last message and the kept ticket', () => {
    let s = done(keys(loaded(), 'a'), { ok: true, message: 'HD-1 assigned to you', versions: [{ id: 1, version: 5 }] });
    s = keys(s, 'j');
    expect([s.notice, s.act.keep, s.act.loud]).toEqual([null, null, false]);
  });

  it('a created ticket is selected once the rows arrive', () => {
    let s = keys(text(keys(loaded(), 'n'), 'New'), 'ctrl+s');
    s = done(s, { ok: true, message: 'HD-9 created', createdId: 9 });
    expect(s.request).toEqual({ kind: 'anchor', id: 9, select: true });
    s = run(s, { type: 'rowsLoaded', gen: s.gen, rows: [row(1), row(9)], hasBefore: false, hasAfter: false, fallback: 0 });
    expect(selectedRow(s)?.id).toBe(9);
  });
});
