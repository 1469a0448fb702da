/** Applying what a slice asked of the others (state/types.ts `Out`), in order. Pure. */
import { setOverlay } from './act/targets.js';
import { enqueueKb } from './kb/commands.js';
import { again } from './detail.js';
import { patchRows, pickQueue, reload, reloadHere } from './queue.js';
import type { Out, State, Step } from './types.js';

function deliverOne(s: State, o: Out): State {
  switch (o.kind) {
    case 'notice':
      return { ...s, notice: o.text, act: o.loud === undefined || o.loud === s.act.loud ? s.act : { ...s.act, loud: o.loud } };
    case 'reloadAround':
      return { ...s, ...reload(pickQueue(s), { kind: 'anchor', id: o.id, ...(o.select ? { select: true } : {}) }) };
    case 'patchRows':
      return { ...s, ...patchRows(pickQueue(s), o.rows) };
    case 'changed':
      // Our own writes do not move data_version: what shows data loads again (the queue is asked for by the writer).
      return { ...s, version: s.version + 1, detail: again(s.detail) };
    case 'reloadHere':
      return { ...s, ...reloadHere(pickQueue(s)) };
    case 'kbJob':
      return { ...s, kb: enqueueKb(s.kb, o.job) };
    case 'overlay':
      return { ...s, act: setOverlay(s.act, o.overlay) };
    case 'resolved':
      // Offer to draft an article, unless something else has the screen.
      if (s.act.overlay || s.kb.screen !== 'off' || s.empty) return s;
      return {
        ...s,
        kb: { ...s.kb, offer: { ticketId: o.ticketId, ref: o.ref, said: o.said } },
        notice: `${o.said} · draft a KB article from it? y (any other key goes on)`,
      };
  }
}

export function deliver(s: State, out: readonly Out[]): State {
  return out.reduce(deliverOne, s);
}

/** A slice's step applied: its new value in place, then its messages. */
export function apply<K extends 'act' | 'kb'>(s: State, key: K, st: Step<State[K]>): State {
  return deliver(st.next === s[key] ? s : { ...s, [key]: st.next }, st.out);
}
