/**
 * The KB commands, pure: open and leave the KB screen, move through results, read an article full
 * screen, link an article to the selected ticket, put the top suggestion into a reply, draft an
 * article from a ticket. Writes are queued as jobs (kb-types.ts) and run by data/use-kb-jobs.ts.
 */
import { closeOverlay, notice, selectedTicket, setOverlay, single } from './act-helpers.js';
import type { Overlay, PickOption } from './act-types.js';
import { insert } from './editor-state.js';
import type { KbCommand, KbMode } from './kb-keymap.js';
import { kbRef } from './kb-lines.js';
import type { KbJob, KbState } from './kb-types.js';
import { picker } from './overlays.js';
import type { State } from './state.js';

export function withKb(s: State, patch: Partial<KbState>): State {
  return { ...s, kb: { ...s.kb, ...patch } };
}

/** The KB's keymap mode, when the KB has the keys (after dialogs and the welcome screen). */
export function kbModeOf(kb: KbState): KbMode | null {
  if (kb.screen === 'article') return 'kbArticle';
  if (kb.screen === 'search') return kb.focus === 'box' ? 'kbSearch' : 'kbList';
  return kb.offer ? 'kbOffer' : null;
}

export function enqueueKb(s: State, job: KbJob): State {
  const seq = s.kb.seq + 1;
  return withKb(s, { seq, jobs: [...s.kb.jobs, { seq, job }] });
}

/** Text typed into the search box: one line, no control characters. */
export function kbInsert(s: State, text: string): State {
  const add = text.replace(/[\r\n\t]/g, ' ').replace(/[\x00-\x1f\x7f-\x9f]/g, '');
  return add ? withKb(s, { query: s.kb.query + add }) : s;
}

function scroll(s: State, to: number): State {
  const a = s.kb.article;
  // Keys typed before the view measured the article are kept; the measurement clamps them.
  return a ? withKb(s, { article: { ...a, scroll: Math.max(0, a.max === null ? to : Math.min(a.max, to)) } }) : s;
}

export function openArticle(s: State, id: number, back: KbState['back']): State {
  return withKb(s, { screen: 'article', back, article: { id, scroll: 0, max: null, page: s.kb.article?.page ?? 10 } });
}

function linkTo(s: State, articleId: number | undefined): State {
  const row = selectedTicket(s);
  if (!row) return notice(s, 'no ticket selected: pick one in the queue, then K and L');
  if (articleId === undefined) return notice(s, 'no article to link');
  return enqueueKb(s, { kind: 'link', ticketId: row.id, ticketRef: row.ref, articleId });
}

/** `L` on a ticket: the one suggestion at once, a picker of several. */
function linkSuggested(s: State): State {
  const row = selectedTicket(s);
  if (!row) return notice(s, 'no ticket selected');
  const items = s.kb.suggest?.ticketId === row.id ? s.kb.suggest.items : null;
  if (!items) return notice(s, `suggested articles for ${row.ref} are still loading`);
  if (items.length === 0) return notice(s, `no suggested articles for ${row.ref}: K searches the KB, L there links`);
  if (items.length === 1) return linkTo(s, items[0]!.id);
  const options: PickOption[] = items.map((it, i) => ({
    value: String(it.id),
    label: `${kbRef(it.id)}  ${it.title}${it.linked ? '  (linked)' : ''}`,
    key: String(i + 1),
  }));
  return setOverlay(s, picker(single(s, row), 'kbLink', `Link a KB article to ${row.ref}`, options));
}

/** The picker's choice (overlay-commands.ts `pick`). */
export function kbLinkPicked(s: State, o: Extract<Overlay, { kind: 'picker' }>, value: string): State {
  const t = o.target!;
  return enqueueKb(closeOverlay(s), { kind: 'link', ticketId: t.ids[0]!, ticketRef: t.label, articleId: Number(value) });
}

const REF_PURPOSES = new Set(['reply', 'note', 'call', 'resolve']);

/** Ctrl+K in a reply: "See KB-12: Reset a forgotten password" at the cursor. */
function insertRef(s: State): State {
  const o = s.act.overlay;
  if (o?.kind !== 'compose' || !REF_PURPOSES.has(o.purpose) || o.field !== 'text') return s;
  const t = o.target;
  if (!t || t.bulk) return notice(s, 'KB references go into one ticket at a time');
  const sug = s.kb.suggest;
  const suggest = sug && sug.ticketId === t.ids[0] ? sug.items : null;
  if (!suggest) return notice(s, `suggested articles for ${t.label} are still loading`);
  const top = suggest[0];
  if (!top) return notice(s, `no suggested article for ${t.label}`);
  const text = `See ${kbRef(top.id)}: ${top.title}`;
  return setOverlay(s, { ...o, text: insert(o.text, text) });
}

export function kbCommand(s: State, c: KbCommand): State {
  const kb = s.kb;
  const last = Math.max(0, kb.results.length - 1);
  switch (c) {
    case 'kbOpen':
      return withKb(s, { screen: 'search', focus: 'box', offer: null, sel: Math.min(kb.sel, last) });
    case 'kbClose':
      return withKb(s, { screen: 'off', focus: 'box', article: null });
    case 'kbNext':
      return withKb(s, { sel: Math.min(last, kb.sel + 1) });
    case 'kbPrev':
      return withKb(s, { sel: Math.max(0, kb.sel - 1) });
    case 'kbRead': {
      const r = kb.results[kb.sel];
      return r ? openArticle(s, r.id, 'search') : notice(s, 'no article to read: type a few words');
    }
    case 'kbFocusList':
      return kb.results.length ? withKb(s, { focus: 'list' }) : s;
    case 'kbFocusBox':
      return withKb(s, { focus: 'box' });
    case 'kbBackspace':
      return withKb(s, { query: [...kb.query].slice(0, -1).join('') });
    case 'kbErase':
      return withKb(s, { query: '' });
    case 'kbScrollDown':
      return scroll(s, (kb.article?.scroll ?? 0) + 1);
    case 'kbScrollUp':
      return scroll(s, (kb.article?.scroll ?? 0) - 1);
    case 'kbPageDown':
      return scroll(s, (kb.article?.scroll ?? 0) + (kb.article?.page ?? 1));
    case 'kbPageUp':
      return scroll(s, (kb.article?.scroll ?? 0) - (kb.article?.page ?? 1));
    case 'kbTop':
      return scroll(s, 0);
    case 'kbBottom':
      return scroll(s, kb.article?.max ?? Number.MAX_SAFE_INTEGER);
    case 'kbBack':
      return withKb(s, { screen: kb.back === 'search' ? 'search' : 'off', article: null });
    case 'kbLink':
      return linkSuggested(s);
    case 'kbLinkShown':
      return linkTo(s, kb.screen === 'article' ? kb.article?.id : kb.results[kb.sel]?.id);
    case 'kbInsertRef':
      return insertRef(s);
    case 'kbDraft': {
      const row = selectedTicket(s);
      if (!row) return notice(s, 'no ticket selected');
      return notice(enqueueKb(s, { kind: 'draft', ticketId: row.id, ticketRef: row.ref }), `drafting a KB article from ${row.ref}…`, false);
    }
    case 'kbOfferYes': {
      const offer = kb.offer;
      if (!offer) return s;
      return notice(
        enqueueKb(withKb(s, { offer: null }), { kind: 'draft', ticketId: offer.ticketId, ticketRef: offer.ref }),
        `drafting a KB article from ${offer.ref}…`,
        false,
      );
    }
    case 'kbOfferNo':
      return kb.offer ? { ...withKb(s, { offer: null }), notice: kb.offer.said } : s;
  }
}
