/**
 * The time rules `deskline maintain` applies, as a table: a status held for a number of days (from the
 * settings) and what then happens. Event rules (a requester's reply, a first public reply) are the
 * AUTO_MOVES of ./ticket-rules.ts; both kinds name their rule in the audit trail (`rule:<name>`).
 *
 * Each rule fires once: a move leaves the status it matched; a reminder is remembered per ticket
 * (rule_firings) and fires again only after the ticket has entered its status anew.
 */
import type { Status } from './ticket.js';

export type PendingAction = 'remind' | 'close' | 'off';

export interface AutomationSettings {
  /** Days a resolved ticket stays resolved before it closes (default 7; 0 turns the rule off). */
  closeResolvedDays: number;
  /** Days a pending ticket waits for its requester before the pending action (default 5). */
  pendingDays: number;
  pendingAction: PendingAction;
}

export const DEFAULT_AUTOMATION: AutomationSettings = { closeResolvedDays: 7, pendingDays: 5, pendingAction: 'remind' };

export type RuleAction = { kind: 'move'; to: Status } | { kind: 'remind'; body: string };

export interface TimeRule {
  rule: string;
  status: Status;
  days: (s: AutomationSettings) => number;
  /** On only when this returns true (the rule is data; the switch is a setting). */
  enabled: (s: AutomationSettings) => boolean;
  action: RuleAction;
}

export const TIME_RULES: readonly TimeRule[] = [
  {
    rule: 'resolved-closes',
    status: 'resolved',
    days: (s) => s.closeResolvedDays,
    enabled: (s) => s.closeResolvedDays > 0,
    action: { kind: 'move', to: 'closed' },
  },
  {
    rule: 'pending-reminds',
    status: 'pending',
    days: (s) => s.pendingDays,
    enabled: (s) => s.pendingAction === 'remind' && s.pendingDays > 0,
    action: { kind: 'remind', body: 'Reminder: we are waiting for your answer to go on with this ticket.' },
  },
  {
    rule: 'pending-closes',
    status: 'pending',
    days: (s) => s.pendingDays,
    enabled: (s) => s.pendingAction === 'close' && s.pendingDays > 0,
    action: { kind: 'move', to: 'closed' },
  },
];

const DAY = 86_400_000;

/** The instant before which a ticket must have entered the rule's status for the rule to fire at `now`. */
export function ruleCutoff(rule: TimeRule, settings: AutomationSettings, now: number): number {
  return now - rule.days(settings) * DAY;
}

/** Settings as stored (`workflow.*`), with defaults for what is missing or unreadable. */
export function automationSettings(stored: Record<string, unknown>): AutomationSettings {
  const days = (key: string, fallback: number) => {
    const v = Number(stored[key]);
    return Number.isInteger(v) && v >= 0 && v <= 3650 ? v : fallback;
  };
  const action = stored['workflow.pendingAction'];
  return {
    closeResolvedDays: days('workflow.closeResolvedDays', DEFAULT_AUTOMATION.closeResolvedDays),
    pendingDays: days('workflow.pendingDays', DEFAULT_AUTOMATION.pendingDays),
    pendingAction: action === 'close' || action === 'off' || action === 'remind' ? action : DEFAULT_AUTOMATION.pendingAction,
  };
}
