/**
 * KB data arriving (search results, suggestions, the article's measured length, finished jobs),
 * keys no KB binding took (typing in the search box; any other key dismisses the draft question),
 * and the draft question offered after a resolve. Pure.
 */
import { notice, withAct } from './act-helpers.js';
import type { KeyAction } from './key-chunks.js';
import type { KbMode } from './kb-keymap.js';
import type { KbAction } from './kb-types.js';
import { kbInsert, openArticle, withKb } from './kb-state.js';
import type { State, StateAction } from './state.js';

function jobDone(s: State, a: Extract<KbAction, { type: 'kbJobDone' }>): State {
  const done = s.kb.jobs.find((q) => q.seq === a.seq);
  if (!done) return s;
  let next = withKb(s, { jobs: s.kb.jobs.filter((q) => q.seq !== a.seq) });
  const { job } = done;
  const { outcome } = a;
  if (outcome.ok && job.kind === 'link') {
    const sug = next.kb.suggest;
    const suggest =
      sug && sug.ticketId === job.ticketId
        ? { ...sug, items: sug.items.map((it) => (it.id === job.articleId ? { ...it, linked: true } : it)) }
        : sug;
    next = withKb(next, { links: next.kb.links + 1, suggest });
  }
  if (outcome.ok && job.kind === 'draft' && outcome.articleId !== undefined && !next.act.overlay) {
    next = openArticle(next, outcome.articleId, next.kb.screen === 'search' ? 'search' : 'off');
  }
  if (outcome.ok) next = withAct(next, { written: next.act.written + 1 });
  return notice(next, outcome.message);
}

export function kbData(s: State, a: KbAction): State {
  const kb = s.kb;
  switch (a.type) {
    case 'kbResults': {
      if (a.query !== kb.query) return s;
      const fresh = a.query !== kb.answered;
      const sel = fresh ? 0 : Math.min(kb.sel, Math.max(0, a.results.length - 1));
      const focus = a.results.length ? kb.focus : 'box';
      return withKb(s, { answered: a.query, results: a.results, searched: a.results[0]?.searched ?? [], error: a.error, sel, focus });
    }
    case 'kbSuggestions':
      if (kb.suggest?.ticketId === a.ticketId && kb.suggest.items === a.items) return s;
      return withKb(s, { suggest: { ticketId: a.ticketId, items: a.items } });
    case 'kbMeasured': {
      const art = kb.article;
      if (!art || (art.max === a.max && art.page === a.page)) return s;
      return withKb(s, { article: { ...art, max: a.max, page: Math.max(1, a.page), scroll: Math.min(art.scroll, a.max) } });
    }
    case 'kbJobDone':
      return jobDone(s, a);
  }
}

/** A key no binding took, in a KB mode: typed text goes into the search box; the question gives way. */
export function kbKey(s: State, mode: string, a: KeyAction, again: (s: State, a: StateAction) => State): State {
  if (mode === ('kbSearch' satisfies KbMode)) return a.printable ? kbInsert(s, a.input) : s;
  if (mode === ('kbOffer' satisfies KbMode) && s.kb.offer) return again({ ...withKb(s, { offer: null }), notice: s.kb.offer.said }, a);
  return s;
}

/** After a single ticket's resolution is saved: offer to draft an article from it. */
export function offerDraft(prev: State, a: StateAction, next: State): State {
  if (a.type !== 'intentDone' || !a.outcome.ok) return next;
  const done = prev.act.queue.find((q) => q.seq === a.seq);
  if (!done || done.intent.kind !== 'resolve' || done.intent.target.bulk) return next;
  if (next.act.overlay || next.kb.screen !== 'off' || next.empty) return next;
  const t = done.intent.target;
  const said = next.notice ?? `${t.label} resolved`;
  return { ...withKb(next, { offer: { ticketId: t.ids[0]!, ref: t.label, said } }), notice: `${said} · draft a KB article from it? (y/n)` };
}
