/**
 * Triage suggestions for tickets that arrived without a person choosing their fields (mail import):
 * each ticket's suggestions that would change it, as a visible suggestion only, or, when asked
 * (`import … --auto`), applied above the threshold in one audited update per ticket (action
 * `triage`, as the console's `S` writes it). Values outside the desk's categories are never applied.
 */
import { DEFAULT_CATEGORIES, isOneOf, PRIORITIES, TIERS } from '../domain/ticket.js';
import type { FieldSuggestion, TriageField } from '../domain/triage/fields.js';
import type { Actor, Executor } from './executor.js';
import { updateTicket, type TicketChanges } from './ticket-changes.js';
import { ticketViews } from './ticket-view.js';
import { suggestTriage } from './triage-suggest.js';

export interface IntakeSuggestion {
  id: number;
  ref: string;
  /** The suggestions that differ from the ticket. */
  suggestions: FieldSuggestion[];
  /** Whether they were applied (`--auto`). */
  applied: boolean;
}

export interface IntakeOptions {
  apply: boolean;
  actor: Actor;
  categories?: readonly string[];
}

/** The suggestions for `ids` (tickets with none left out), applied when `apply`. */
export async function triageIntake(db: Executor, ids: readonly number[], opts: IntakeOptions): Promise<IntakeSuggestion[]> {
  const valid: Record<TriageField, (v: string) => boolean> = {
    category: (v) => (opts.categories ?? DEFAULT_CATEGORIES).includes(v),
    priority: (v) => isOneOf(PRIORITIES, v),
    tier: (v) => isOneOf(TIERS, v),
  };
  const out: IntakeSuggestion[] = [];
  for (const t of await ticketViews(db, ids)) {
    const current: Record<TriageField, string> = { category: t.category, priority: t.priority, tier: t.tier };
    const suggestions = (await suggestTriage(db, t)).flatMap((v) =>
      v.suggestion && valid[v.field](v.suggestion.value) && v.suggestion.value !== current[v.field] ? [v.suggestion] : [],
    );
    if (suggestions.length === 0) continue;
    if (opts.apply) {
      const changes = Object.fromEntries(suggestions.map((s) => [s.field, s.value])) as TicketChanges;
      await updateTicket(db, t.id, changes, opts.actor, { action: 'triage', ifVersion: t.version });
    }
    out.push({ id: t.id, ref: t.ref, suggestions, applied: opts.apply });
  }
  return out;
}
