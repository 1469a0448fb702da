import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../src/store/kb-links.js';
import type { KbSearchResult } from '../../src/store/kb-search.js';
import type { TicketListRow } from '../../src/store/ticket-list.js';
import { editorText } from '../../src/tui/state/editor.js';
import { initialState, key as keyNamed, modeOf, read, run, selectedRow, type State, type StateAction } from './reducer-kit.js';
import { BUILTIN_VIEWS } from '../../src/tui/state/views.js';

const row = (id: number): TicketListRow =>
  ({
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
  }) as TicketListRow;
const cmd = (command: string, arg?: string) => ({ type: 'command', command, arg }) as StateAction;
/** A key by name (the text a terminal sends for it is implied). */
const key = (name: string, _input?: string): StateAction => keyNamed(name);
/** One read of what was typed (control characters in it are keys). */
const typed = (text: string): StateAction => read(text);

const result = (id: number, title = `Article ${id}`): KbSearchResult => ({
  id,
  slug: `a-${id}`,
  title,
  category: 'printer',
  tags: [],
  audience: 'public',
  status: 'published',
  score: 1,
  snippet: `about «${title}»`,
  searched: ['article'],
});
const suggestion = (id: number, linked = false): Suggestion => ({ ...result(id, `Fix ${id}`), linked });

function loaded(): State {
  const s = initialState(BUILTIN_VIEWS);
  return run(s, { type: 'rowsLoaded', gen: s.gen, rows: [row(1), row(2), row(3)], hasBefore: false, hasAfter: false, fallback: 0 });
}

describe('KB reducer', () => {
  it('K opens the search screen; typing fills the box; answers for an older query are dropped', () => {
    let s = run(loaded(), cmd('down'), key('K'));
    expect(modeOf(s)).toBe('kbSearch');
    s = run(s, typed('pritner'), key('j'), key('backspace', ''), typed(' jam'));
    expect(s.kb.query).toBe('pritner jam');
    s = run(s, { type: 'kbResults', query: 'pritner', results: [result(9)], error: null });
    expect(s.kb.results).toEqual([]);
    s = run(s, { type: 'kbResults', query: 'pritner jam', results: [result(24), result(25)], error: null });
    expect(s.kb.results.map((r) => r.id)).toEqual([24, 25]);
    expect(s.kb.answered).toBe('pritner jam');
  });

  it('arrows move in the box, Tab hands j/k to the list, Enter reads full screen, Esc Esc returns to the same ticket', () => {
    let s = run(loaded(), cmd('down'), key('K'), typed('printer'), {
      type: 'kbResults',
      query: 'printer',
      results: [result(1), result(2), result(3)],
      error: null,
    });
    s = run(s, key('down', ''));
    expect(s.kb.sel).toBe(1);
    // Tab and j in one read (fast typing): Tab hands the keys to the list, j moves.
    s = run(s, typed('\tj'), key('j'), key('j'));
    expect([modeOf(s), s.kb.sel, s.kb.query]).toEqual(['kbList', 2, 'printer']);
    s = run(s, key('k'), key('enter', '\r'));
    expect([modeOf(s), s.kb.article?.id]).toEqual(['kbArticle', 2]);
    // Its 49 rendered lines arrive; at 80×24 the screen shows 19 of them: it scrolls 30, a page is 18.
    const lines = Array.from({ length: 49 }, (_, i) => `line ${i + 1}`);
    s = run(s, { type: 'kbShown', shown: { id: 2, article: null, lines, error: null } }, key('G'));
    expect(s.kb.article?.scroll).toBe(30);
    s = run(s, key('k'), key(' ', ' '));
    expect(s.kb.article?.scroll).toBe(30);
    s = run(s, key('g'), key('pagedown', ''));
    expect(s.kb.article?.scroll).toBe(18);
    s = run(s, key('escape', ''));
    expect([modeOf(s), s.kb.sel]).toEqual(['kbList', 1]);
    s = run(s, key('escape', ''));
    expect(modeOf(s)).toBe('queue');
    expect(selectedRow(s)?.id).toBe(2);
  });

  it('L links the only suggestion at once, or opens a picker of several; linked marks follow the job', () => {
    let s = run(loaded(), { type: 'kbSuggestions', ticketId: 1, items: [suggestion(7)] }, key('L'));
    expect(s.kb.jobs.map((j) => j.job)).toEqual([{ kind: 'link', ticketId: 1, ticketRef: 'HD-1', articleId: 7 }]);
    s = run(s, { type: 'kbJobDone', seq: s.kb.jobs[0]!.seq, outcome: { ok: true, message: 'KB-7 linked to HD-1', articleId: 7 } });
    expect([s.notice, s.kb.jobs.length, s.kb.links, s.kb.suggest?.items[0]?.linked]).toEqual(['KB-7 linked to HD-1', 0, 1, true]);

    s = run(s, { type: 'kbSuggestions', ticketId: 1, items: [suggestion(7, true), suggestion(8), suggestion(9)] }, key('L'));
    expect(modeOf(s)).toBe('picker');
    expect(s.act.overlay?.kind === 'picker' && s.act.overlay.options.map((o) => o.label)).toEqual([
      'KB-7  Fix 7  (linked)',
      'KB-8  Fix 8',
      'KB-9  Fix 9',
    ]);
    s = run(s, key('2'));
    expect(s.act.overlay).toBeNull();
    expect(s.kb.jobs.map((j) => j.job)).toEqual([{ kind: 'link', ticketId: 1, ticketRef: 'HD-1', articleId: 8 }]);
  });

  it('L says so when suggestions are still loading or there are none', () => {
    expect(run(loaded(), key('L')).notice).toBe('suggested articles for HD-1 are still loading');
    expect(run(loaded(), { type: 'kbSuggestions', ticketId: 1, items: [] }, key('L')).notice).toMatch(/^no suggested articles for HD-1/);
    // Suggestions of another ticket do not count.
    expect(run(loaded(), { type: 'kbSuggestions', ticketId: 2, items: [suggestion(7)] }, key('L')).kb.jobs).toEqual([]);
  });

  it('Ctrl+K in a reply inserts "See KB-n: title" at the cursor; not in the tags box', () => {
    let s = run(
      loaded(),
      { type: 'kbSuggestions', ticketId: 1, items: [suggestion(12), suggestion(13)] },
      key('r'),
      typed('Hello. '),
      key('ctrl+k', 'k'),
    );
    expect(s.act.overlay?.kind === 'compose' && editorText(s.act.overlay.text)).toBe('Hello. See KB-12: Fix 12');
    s = run(loaded(), { type: 'kbSuggestions', ticketId: 1, items: [suggestion(12)] }, key('#'), key('ctrl+k', 'k'));
    expect(s.act.overlay?.kind === 'compose' && editorText(s.act.overlay.text)).toBe('');
  });

  it('offers a draft after a single resolve; y queues it and the answer opens the draft; n keeps the message', () => {
    let s = run(loaded(), key('R'), typed('Roller replaced'), key('ctrl+s', 's'));
    const seq = s.act.queue[0]!.seq;
    s = run(s, { type: 'intentDone', seq, outcome: { ok: true, message: 'HD-1 resolved', versions: [{ id: 1, version: 2 }] } });
    expect([modeOf(s), s.notice]).toEqual(['kbOffer', 'HD-1 resolved · draft a KB article from it? y (any other key goes on)']);
    const declined = run(s, key('n'));
    expect([modeOf(declined), declined.notice, declined.kb.jobs]).toEqual(['queue', 'HD-1 resolved', []]);
    s = run(s, key('y'));
    expect(s.kb.jobs.map((j) => j.job)).toEqual([{ kind: 'draft', ticketId: 1, ticketRef: 'HD-1' }]);
    s = run(s, { type: 'kbJobDone', seq: s.kb.jobs[0]!.seq, outcome: { ok: true, message: 'KB-40 drafted from HD-1', articleId: 40 } });
    expect([modeOf(s), s.kb.article?.id, s.notice]).toEqual(['kbArticle', 40, 'KB-40 drafted from HD-1']);
    s = run(s, key('escape', ''));
    expect(modeOf(s)).toBe('queue');
  });

  it('a failed resolve or a bulk one offers nothing; B drafts from any selected ticket', () => {
    let s = run(loaded(), key('R'), typed('x'), key('ctrl+s', 's'));
    s = run(s, { type: 'intentDone', seq: s.act.queue[0]!.seq, outcome: { ok: false, message: 'HD-1: nope' } });
    expect(s.kb.offer).toBeNull();
    s = run(loaded(), key('B'));
    expect(s.kb.jobs.map((j) => j.job.kind)).toEqual(['draft']);
  });
});
