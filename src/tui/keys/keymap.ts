/**
 * Every key binding as data: `{ key, action, help, when }`. The status bar and the help overlay are
 * generated from it; `keymap.<action> = key` in the settings remaps without code. The act and KB
 * bindings live in their own files (act-keymap.ts, kb-keymap.ts); all three import the shapes from
 * actions.ts, so the keymap files form a tree.
 */
import { ACT_KEYMAP } from './act-keymap.js';
import type { Binding, Mode } from './actions.js';
import { KB_KEYMAP } from './kb-keymap.js';

export type { Action, Binding, Mode } from './actions.js';

const LIST: readonly Mode[] = ['queue', 'detail'];
/** Moving works in the detail pane's related list too (state/related.ts). */
const MOVE: readonly Mode[] = [...LIST, 'related'];

export const DEFAULT_KEYMAP: readonly Binding[] = [
  { key: 'j', action: 'down', help: 'next ticket / scroll down', hint: 'move', when: MOVE },
  { key: 'k', action: 'up', help: 'previous ticket / scroll up', hint: 'move', when: MOVE },
  { key: 'down', action: 'down', help: 'next ticket / scroll down', when: MOVE },
  { key: 'up', action: 'up', help: 'previous ticket / scroll up', when: MOVE },
  { key: 'g', action: 'top', help: 'first ticket / top', hint: 'top/end', when: LIST },
  { key: 'G', action: 'bottom', help: 'last ticket / end', hint: 'top/end', when: LIST },
  { key: 'home', action: 'top', help: 'first ticket / top', when: LIST },
  { key: 'end', action: 'bottom', help: 'last ticket / end', when: LIST },
  { key: 'pagedown', action: 'pageDown', help: 'page down', hint: 'page', when: LIST },
  { key: 'pageup', action: 'pageUp', help: 'page up', hint: 'page', when: LIST },
  { key: ' ', action: 'pageDown', help: 'page down', when: ['detail'] },
  { key: 'enter', action: 'focusDetail', help: 'read the ticket (focus the detail pane)', hint: 'read', when: ['queue'] },
  { key: 'tab', action: 'focusDetail', help: 'focus the detail pane', when: ['queue'] },
  { key: 'escape', action: 'back', help: 'back where you came from', hint: 'back', when: ['detail', 'related'] },
  { key: 'tab', action: 'toQueue', help: 'back to the queue', when: ['detail', 'related'] },
  { key: 'enter', action: 'relatedPick', help: 'pick a related ticket / go', hint: 'related', when: ['detail', 'related'] },
  { key: '/', action: 'openFilter', help: 'filter with the query language', hint: 'filter', when: LIST },
  { key: 's', action: 'cycleSort', help: 'cycle sort orders', hint: 'sort', when: ['queue'] },
  { key: 'escape', action: 'filterClear', help: 'clear the filter', when: ['queue'] },
  { key: 'enter', action: 'filterKeep', help: 'keep the filter', hint: 'keep', when: ['filter'] },
  { key: 'escape', action: 'filterClear', help: 'clear the filter', hint: 'clear', when: ['filter'] },
  { key: 'backspace', action: 'filterBackspace', help: 'delete a character', when: ['filter'] },
  { key: 'delete', action: 'filterBackspace', help: 'delete a character', when: ['filter'] },
  { key: 'ctrl+u', action: 'filterErase', help: 'erase the filter text', when: ['filter'] },
  { key: 'd', action: 'loadDemo', help: 'load demo data (asks first)', hint: 'demo data', when: ['welcome'] },
  { key: 'y', action: 'demoYes', help: 'yes: load the demo data', hint: 'yes', when: ['welcomeAsk'] },
  { key: 'enter', action: 'demoYes', help: 'yes: load the demo data', when: ['welcomeAsk'] },
  { key: 'n', action: 'demoNo', help: 'no: leave the desk as it is', hint: 'no', when: ['welcomeAsk'] },
  { key: 'escape', action: 'demoNo', help: 'no: leave the desk as it is', when: ['welcomeAsk'] },
  { key: 'q', action: 'quit', help: 'quit', hint: 'quit', when: ['queue', 'detail', 'welcome', 'dashboard', 'requester', 'related'] },
  {
    key: 'ctrl+c',
    action: 'quit',
    help: 'quit',
    when: ['queue', 'detail', 'filter', 'welcome', 'welcomeAsk', 'dashboard', 'requester', 'related'],
  },
  ...ACT_KEYMAP,
  ...KB_KEYMAP,
  {
    key: 'T',
    action: 'toggleTimer',
    help: 'start / stop a timer (logs the minutes)',
    hint: 'timer',
    when: LIST,
  },
  { key: 'D', action: 'dashboard', help: 'dashboard: backlog, SLA, workload', hint: 'dashboard', when: LIST },
  // Esc closes whichever screen fills the body (the dashboard, the requester): one help line for both.
  { key: 'escape', action: 'closeDashboard', help: 'back to the queue', hint: 'back', when: ['dashboard', 'requester'] },
  { key: 'D', action: 'closeDashboard', help: 'back to the queue', when: ['dashboard'] },
  { key: 'u', action: 'requester', help: 'the requester: tickets, assets, notes', hint: 'requester', when: LIST },
  { key: 'u', action: 'closeDashboard', help: 'back to the queue', when: ['dashboard', 'requester'] },
  { key: 't', action: 'takeTour', help: 'take the tour: lessons on a sandbox desk (yours stays as it is)', hint: 'tour', when: ['help'] },
];

/** Bindings for the view tabs: one per view, from the views' own keys. */
export function viewBindings(views: readonly { key: string; name: string }[]): Binding[] {
  return views.map((v) => ({ key: v.key, action: 'view', arg: v.key, help: `view: ${v.name}`, hint: 'views', when: LIST }));
}

const ACTIONS = new Set<string>(DEFAULT_KEYMAP.map((b) => b.action));

/**
 * Applies `keymap.<action> = keys` from the settings (keys separated by spaces, or a lone `,`):
 * the action's bindings move to the new keys, first in line, in the modes they worked in before.
 * Unknown actions are ignored (a newer config on an older build must not break the console).
 */
export function applyRemaps(keymap: readonly Binding[], remaps: Record<string, string> | undefined): Binding[] {
  let out = [...keymap];
  for (const [action, value] of Object.entries(remaps ?? {})) {
    if (!ACTIONS.has(action) || typeof value !== 'string' || !value.trim()) continue;
    const keys = value.trim() === ',' ? [','] : value.trim().split(/\s+/);
    const old = out.filter((b) => b.action === action);
    const template = old.find((b) => b.hint) ?? old[0]!;
    const when = [...new Set(old.flatMap((b) => b.when))];
    out = [...keys.map((key) => ({ ...template, key, when })), ...out.filter((b) => b.action !== action)];
  }
  return out;
}

/** The binding for a key in a mode: the first match wins. */
export function lookup(keymap: readonly Binding[], mode: Mode, key: string | null): Binding | undefined {
  if (key === null) return undefined;
  return keymap.find((b) => b.key === key && b.when.includes(mode));
}

const SHOWN: Record<string, string> = {
  enter: '⏎',
  escape: 'Esc',
  tab: 'Tab',
  'shift+tab': 'S-Tab',
  pagedown: 'PgDn',
  pageup: 'PgUp',
  ' ': 'Space',
  up: '↑',
  down: '↓',
  backspace: 'Bksp',
  delete: 'Del',
  home: 'Home',
  end: 'End',
};

/** How a key name is shown: `⏎`, `Esc`, `^S` for ctrl+s. */
export function keyLabel(key: string): string {
  return SHOWN[key] ?? (key.startsWith('ctrl+') ? `^${key.slice(5).toUpperCase()}` : key);
}

/** Status-bar hints for a mode, in keymap order: `j/k move`, `1-5 views` … */
export function hints(keymap: readonly Binding[], mode: Mode): { keys: string; label: string }[] {
  const groups = new Map<string, string[]>();
  for (const b of keymap) {
    if (!b.hint || !b.when.includes(mode)) continue;
    const keys = groups.get(b.hint) ?? [];
    if (!keys.includes(b.key)) keys.push(b.key);
    groups.set(b.hint, keys);
  }
  return [...groups].map(([label, keys]) => ({ label, keys: showKeys(keys) }));
}

function showKeys(keys: string[]): string {
  const shown = keys.map(keyLabel);
  if (shown.length > 2 && shown.every((k) => /^\d$/.test(k))) return `${shown[0]}-${shown[shown.length - 1]}`;
  return shown.join('/');
}
