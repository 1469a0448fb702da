/** KB data arriving (search results, suggestions, a rendered article, finished jobs), pure. */
import { notice, step } from '../step.js';
import type { Out, Step } from '../types.js';
import { openArticle } from './commands.js';
import type { KbAction, KbState } from './types.js';

function jobDone(kb: KbState, a: Extract<KbAction, { type: 'kbJobDone' }>, overlayOpen: boolean): Step<KbState> {
  const done = kb.jobs.find((q) => q.seq === a.seq);
  if (!done) return step(kb);
  let next: KbState = { ...kb, jobs: kb.jobs.filter((q) => q.seq !== a.seq) };
  const { job } = done;
  const { outcome } = a;
  if (outcome.ok && job.kind === 'link') {
    const sug = next.suggest;
    const suggest =
      sug && sug.ticketId === job.ticketId
        ? { ...sug, items: sug.items.map((it) => (it.id === job.articleId ? { ...it, linked: true } : it)) }
        : sug;
    next = { ...next, links: next.links + 1, suggest };
  }
  if (outcome.ok && job.kind === 'draft' && outcome.articleId !== undefined && !overlayOpen) {
    next = openArticle(next, outcome.articleId, next.screen === 'search' ? 'search' : 'off');
  }
  const out: Out[] = outcome.ok ? [{ kind: 'changed' }] : [];
  return step(next, ...out, notice(outcome.message));
}

export function kbData(kb: KbState, a: KbAction, overlayOpen: boolean): Step<KbState> {
  switch (a.type) {
    case 'kbResults': {
      if (a.query !== kb.query) return step(kb);
      const fresh = a.query !== kb.answered;
      const sel = fresh ? 0 : Math.min(kb.sel, Math.max(0, a.results.length - 1));
      const focus = a.results.length ? kb.focus : 'box';
      return step({ ...kb, answered: a.query, results: a.results, searched: a.results[0]?.searched ?? [], error: a.error, sel, focus });
    }
    case 'kbSuggestions':
      if (kb.suggest?.ticketId === a.ticketId && kb.suggest.items === a.items) return step(kb);
      return step({ ...kb, suggest: { ticketId: a.ticketId, items: a.items } });
    case 'kbShown':
      return step({ ...kb, shown: a.shown });
    case 'kbJobDone':
      return jobDone(kb, a, overlayOpen);
  }
}
