/**
 * The names keys can be bound to (as data: which part of the reducer takes each), the modes they work
 * in, and a binding's shape. The keymaps (keymap.ts, act-keymap.ts, kb-keymap.ts) and the reducer
 * import these; this file imports nothing.
 */

/** The KB screen's search box, its result list, one article full screen, the draft question. */
export type KbMode = 'kbSearch' | 'kbList' | 'kbArticle' | 'kbOffer';

/** Where a binding works: the focused pane, the filter box while typing, or the open dialog. */
export type Mode =
  | 'queue'
  | 'detail'
  | 'filter'
  | 'welcome'
  /** The welcome screen asks before loading demo data. */
  | 'welcomeAsk'
  | 'picker'
  /** The macro picker (`m`): typing filters, arrows move, Enter applies. */
  | 'macro'
  /** A request's checklist (`c`): Space ticks the highlighted item. */
  | 'checklist'
  | 'compose'
  | 'form'
  | 'confirm'
  | 'help'
  | 'dashboard'
  /** The selected ticket's requester fills the body (`u`). */
  | 'requester'
  /** The detail pane's related tickets (⏎ in the detail pane): j/k move, ⏎ goes to one, Esc comes back. */
  | 'related'
  | KbMode;

/** Moving through the queue and the detail pane, the filter, views, and the console itself. */
export const QUEUE_COMMANDS = [
  'down',
  'up',
  'pageDown',
  'pageUp',
  'top',
  'bottom',
  'focusDetail',
  'back',
  'view',
  'openFilter',
  'cycleSort',
  'quit',
  'filterKeep',
  'filterClear',
  'filterBackspace',
  'filterErase',
  'loadDemo',
  'demoYes',
  'demoNo',
  'toggleTimer',
  'dashboard',
  'closeDashboard',
  'requester',
  'takeTour',
  'relatedPick',
  'toQueue',
] as const;
export type QueueCommand = (typeof QUEUE_COMMANDS)[number];

/** Acting on tickets and inside the dialogs. */
export const ACT_COMMANDS = [
  'help',
  'assignMe',
  'assignTo',
  'priority',
  'status',
  'reply',
  'note',
  'call',
  'escalate',
  'resolve',
  'reopen',
  'tags',
  'copyRef',
  'replyInEditor',
  'remote',
  'mark',
  'clearMarks',
  'newTicket',
  'nextOption',
  'prevOption',
  'choose',
  'save',
  'nextField',
  'prevField',
  'externalEditor',
  'cancel',
  'confirmYes',
  'confirmNo',
  'kbInsertRef',
  'howToLeave',
  'macro',
  'checklist',
  'toggleItem',
  'acceptTriage',
  'mergeMarked',
  'parentOfMarked',
  'followup',
  'verifyIdentity',
  'takeSuggestion',
  'syncConflicts',
] as const;
export type ActCommand = (typeof ACT_COMMANDS)[number];

/** The knowledge base: its screen, links and drafts. */
export const KB_COMMANDS = [
  'kbOpen',
  'kbClose',
  'kbNext',
  'kbPrev',
  'kbRead',
  'kbFocusList',
  'kbFocusBox',
  'kbBackspace',
  'kbErase',
  'kbScrollDown',
  'kbScrollUp',
  'kbPageDown',
  'kbPageUp',
  'kbTop',
  'kbBottom',
  'kbBack',
  'kbLink',
  'kbLinkShown',
  'kbDraft',
  'kbOfferYes',
  'kbOfferNo',
] as const;
export type KbCommand = (typeof KB_COMMANDS)[number];

export type Action = QueueCommand | ActCommand | KbCommand;

export interface Binding {
  /** A key name as keys/decode.ts produces it: `j`, `G`, `enter`, `pagedown`, `ctrl+c` … */
  key: string;
  action: Action;
  /** The argument of the action, e.g. the view key for `view`. */
  arg?: string;
  /** One line for the help overlay. */
  help: string;
  /** Short label in the status bar; bindings sharing a label show as one hint (`j/k move`). */
  hint?: string;
  when: readonly Mode[];
}

const FAMILY = new Map<string, 'queue' | 'act' | 'kb'>([
  ...QUEUE_COMMANDS.map((c) => [c, 'queue'] as const),
  ...ACT_COMMANDS.map((c) => [c, 'act'] as const),
  ...KB_COMMANDS.map((c) => [c, 'kb'] as const),
]);

/** Which part of the state an action belongs to. */
export function familyOf(action: Action): 'queue' | 'act' | 'kb' {
  return FAMILY.get(action) ?? 'queue';
}

export const isActCommand = (a: Action): a is ActCommand => familyOf(a) === 'act';
export const isKbCommand = (a: Action): a is KbCommand => familyOf(a) === 'kb';
