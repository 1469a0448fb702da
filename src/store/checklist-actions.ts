/** What ticking a checklist item with an action does besides ticking it, inside the same transaction. */
import type { Actor, Executor } from './executor.js';
import type { TicketView } from './ticket-view.js';

/** Returns what it did, in words, for the command's output and the audit trail. */
export type ItemAction = (trx: Executor, ticket: TicketView, actor: Actor, now: number) => Promise<string[]>;

export const ITEM_ACTIONS: Readonly<Record<string, ItemAction>> = {};
