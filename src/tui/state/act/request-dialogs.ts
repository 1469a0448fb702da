/**
 * The macro picker (`m`) and a request's checklist (`c`), pure. The picker filters as you type
 * (fuse.js answers in hooks/use-macro-search.ts, off the reducer), shows the reply as it will be sent
 * and applies on Enter: to the selected ticket at once, to marked tickets after a yes. In the
 * checklist, Space ticks or unticks the highlighted item through the store.
 */
import type { Macro } from '../../../domain/macro.js';
import { said, step } from '../step.js';
import type { Step } from '../types.js';
import { confirmOrRun } from './dialogs.js';
import { enqueue, setOverlay, targetOf } from './targets.js';
import type { ActCtx, ActState, Overlay } from './types.js';

type MacroPicker = Extract<Overlay, { kind: 'macro' }>;

export function openMacroPicker(act: ActState, ctx: ActCtx): Step<ActState> {
  const target = targetOf(act, ctx.row, true);
  if (!target) return said(act, 'no ticket selected');
  if (act.macros.length === 0) return said(act, 'no macros on this desk yet (deskline macro add)');
  const subject = !target.bulk && ctx.subject && ctx.subject.ref === target.label ? ctx.subject : null;
  return step(setOverlay(act, { kind: 'macro', query: '', matches: null, index: 0, subject, target, ask: null }));
}

/**
 * The macros the picker lists: all of them for no query; fuse.js's matches once it answered; until
 * then those whose name or title holds the query (so a quick ⏎ never applies a macro that does not match).
 */
export function shownMacros(macros: readonly Macro[], o: MacroPicker): Macro[] {
  const q = o.query.trim().toLowerCase();
  if (!q) return [...macros];
  if (o.matches === null) return macros.filter((m) => m.name.includes(q) || m.title.toLowerCase().includes(q));
  return o.matches.flatMap((name) => macros.filter((m) => m.name === name));
}

export function macroQuery(act: ActState, o: MacroPicker, query: string): ActState {
  return setOverlay(act, { ...o, query, index: 0, matches: query.trim() ? o.matches : null });
}

/** fuse.js answered for a query: kept only while it is still the one typed. */
export function macroMatches(act: ActState, query: string, names: string[]): ActState {
  const o = act.overlay;
  return o?.kind === 'macro' && o.query === query ? setOverlay(act, { ...o, matches: names, index: 0 }) : act;
}

export function moveMacro(act: ActState, o: MacroPicker, by: number): ActState {
  const n = shownMacros(act.macros, o).length;
  return setOverlay(act, { ...o, index: Math.max(0, Math.min(n - 1, o.index + by)) });
}

export function chooseMacro(act: ActState, o: MacroPicker): Step<ActState> {
  const macro = shownMacros(act.macros, o)[o.index];
  if (!macro) return said(act, `no macro matches '${o.query}'`);
  const t = o.target!;
  return step(confirmOrRun(act, t, `Apply ${macro.name}?`, { kind: 'macro', target: t, name: macro.name }));
}

export function openChecklist(act: ActState, ctx: ActCtx): Step<ActState> {
  const target = targetOf(act, ctx.row, false);
  if (!target) return said(act, 'no ticket selected');
  if (ctx.checklist === null) return said(act, `${target.label} is still loading`);
  if (ctx.checklist.length === 0) return said(act, `${target.label} has no checklist (a service request from a template has one)`);
  return step(setOverlay(act, { kind: 'checklist', index: 0, target, ask: null }));
}

export function moveItem(act: ActState, o: Extract<Overlay, { kind: 'checklist' }>, by: number, ctx: ActCtx): ActState {
  const n = ctx.checklist?.length ?? 0;
  return setOverlay(act, { ...o, index: Math.max(0, Math.min(n - 1, o.index + by)) });
}

export function toggleItem(act: ActState, o: Extract<Overlay, { kind: 'checklist' }>, ctx: ActCtx): Step<ActState> {
  const item = ctx.checklist?.[o.index];
  if (!item) return step(act);
  return step(enqueue(act, { kind: 'check', target: o.target!, position: item.position, done: item.doneAt === null }));
}
