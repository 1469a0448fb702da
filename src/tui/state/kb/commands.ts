/**
 * The KB commands, pure: open and leave the KB screen, move through results, read an article full
 * screen, link an article to the selected ticket, draft an article from a ticket. Writes are queued
 * as jobs (types.ts) and run by hooks/use-kb-jobs.ts.
 */
import type { TicketListRow } from '../../../store/ticket-list.js';
import type { KbCommand, KbMode } from '../../keys/actions.js';
import { kbRef } from '../../text/kb-lines.js';
import { picker } from '../act/dialogs.js';
import type { PickOption } from '../act/types.js';
import { said, step } from '../step.js';
import type { Step } from '../types.js';
import type { KbJob, KbState } from './types.js';

/** How far the article read full screen scrolls: its lines below a screen of `body` lines (settle.ts). */
export function measureArticle(kb: KbState, body: number): KbState {
  const a = kb.article;
  const lines = kb.shown && a && kb.shown.id === a.id ? kb.shown.lines : null;
  if (!a || !lines) return kb;
  const max = Math.max(0, lines.length - body);
  const page = Math.max(1, body - 1);
  return a.max === max && a.page === page ? kb : { ...kb, article: { ...a, max, page, scroll: Math.min(a.scroll, max) } };
}

/** The KB's keymap mode, when the KB has the keys (after dialogs and the welcome screen). */
export function kbModeOf(kb: KbState): KbMode | null {
  if (kb.screen === 'article') return 'kbArticle';
  if (kb.screen === 'search') return kb.focus === 'box' ? 'kbSearch' : 'kbList';
  return kb.offer ? 'kbOffer' : null;
}

export function enqueueKb(kb: KbState, job: KbJob): KbState {
  const seq = kb.seq + 1;
  return { ...kb, seq, jobs: [...kb.jobs, { seq, job }] };
}

/** Text typed or pasted into the search box: one line, no control characters, no leading blanks (`K dns`). */
export function kbInsert(kb: KbState, text: string): KbState {
  const line = text.replace(/[\r\n\t]/g, ' ').replace(/[\x00-\x1f\x7f-\x9f]/g, '');
  const add = kb.query === '' ? line.trimStart() : line;
  return add ? { ...kb, query: kb.query + add } : kb;
}

function scroll(kb: KbState, to: number): KbState {
  const a = kb.article;
  // Keys typed before the article's lines arrived are kept; measuring clamps them.
  return a ? { ...kb, article: { ...a, scroll: Math.max(0, a.max === null ? to : Math.min(a.max, to)) } } : kb;
}

export function openArticle(kb: KbState, id: number, back: KbState['back']): KbState {
  return { ...kb, screen: 'article', back, article: { id, scroll: 0, max: null, page: kb.article?.page ?? 10 } };
}

function linkTo(kb: KbState, row: TicketListRow | undefined, articleId: number | undefined): Step<KbState> {
  if (!row) return said(kb, 'no ticket selected: pick one in the queue, then K and L');
  if (articleId === undefined) return said(kb, 'no article to link');
  return step(enqueueKb(kb, { kind: 'link', ticketId: row.id, ticketRef: row.ref, articleId }));
}

/** `L` on a ticket: the one suggestion at once, a picker of several. */
function linkSuggested(kb: KbState, row: TicketListRow | undefined): Step<KbState> {
  if (!row) return said(kb, 'no ticket selected');
  const items = kb.suggest?.ticketId === row.id ? kb.suggest.items : null;
  if (!items) return said(kb, `suggested articles for ${row.ref} are still loading`);
  if (items.length === 0) return said(kb, `no suggested articles for ${row.ref}: K searches the KB, L there links`);
  if (items.length === 1) return linkTo(kb, row, items[0]!.id);
  const options: PickOption[] = items.map((it, i) => ({
    value: String(it.id),
    label: `${kbRef(it.id)}  ${it.title}${it.linked ? '  (linked)' : ''}`,
    key: String(i + 1),
  }));
  const target = { ids: [row.id], label: row.ref, bulk: false, statuses: [row.status] };
  return step(kb, { kind: 'overlay', overlay: picker(target, 'kbLink', `Link a KB article to ${row.ref}`, options) });
}

function draft(kb: KbState, ticketId: number, ticketRef: string): Step<KbState> {
  return said(enqueueKb(kb, { kind: 'draft', ticketId, ticketRef }), `drafting a KB article from ${ticketRef}…`, false);
}

export function kbCommand(kb: KbState, c: KbCommand, row: TicketListRow | undefined): Step<KbState> {
  const last = Math.max(0, kb.results.length - 1);
  const to = (patch: Partial<KbState>) => step({ ...kb, ...patch });
  const at = kb.article?.scroll ?? 0;
  const page = kb.article?.page ?? 1;
  switch (c) {
    case 'kbOpen':
      return to({ screen: 'search', focus: 'box', offer: null, sel: Math.min(kb.sel, last) });
    case 'kbClose':
      return to({ screen: 'off', focus: 'box', article: null });
    case 'kbNext':
      return to({ sel: Math.min(last, kb.sel + 1) });
    case 'kbPrev':
      return to({ sel: Math.max(0, kb.sel - 1) });
    case 'kbRead': {
      const r = kb.results[kb.sel];
      return r ? step(openArticle(kb, r.id, 'search')) : said(kb, 'no article to read: type a few words');
    }
    case 'kbFocusList':
      return kb.results.length ? to({ focus: 'list' }) : step(kb);
    case 'kbFocusBox':
      return to({ focus: 'box' });
    case 'kbBackspace':
      return to({ query: [...kb.query].slice(0, -1).join('') });
    case 'kbErase':
      return to({ query: '' });
    case 'kbScrollDown':
      return step(scroll(kb, at + 1));
    case 'kbScrollUp':
      return step(scroll(kb, at - 1));
    case 'kbPageDown':
      return step(scroll(kb, at + page));
    case 'kbPageUp':
      return step(scroll(kb, at - page));
    case 'kbTop':
      return step(scroll(kb, 0));
    case 'kbBottom':
      return step(scroll(kb, kb.article?.max ?? Number.MAX_SAFE_INTEGER));
    case 'kbBack':
      return to({ screen: kb.back === 'search' ? 'search' : 'off', article: null });
    case 'kbLink':
      return linkSuggested(kb, row);
    case 'kbLinkShown':
      return linkTo(kb, row, kb.screen === 'article' ? kb.article?.id : kb.results[kb.sel]?.id);
    case 'kbDraft':
      return row ? draft(kb, row.id, row.ref) : said(kb, 'no ticket selected');
    case 'kbOfferYes':
      return kb.offer ? draft({ ...kb, offer: null }, kb.offer.ticketId, kb.offer.ref) : step(kb);
    case 'kbOfferNo':
      return kb.offer ? step({ ...kb, offer: null }, { kind: 'notice', text: kb.offer.said }) : step(kb);
  }
}
