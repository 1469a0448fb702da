/**
 * The triage assistant in the console, pure: what the detail pane learns about the selected ticket
 * (suggestions, similar tickets), and `S` turning the suggestions that differ from the ticket into
 * one update intent. Nothing changes a ticket until the key is pressed.
 */
import type { FieldSuggestion, FieldVerdict } from '../../domain/triage/fields.js';
import type { TicketChanges } from '../../store/ticket-changes.js';
import type { SimilarTickets } from '../../store/ticket-similar.js';
import type { TicketListRow } from '../../store/ticket-list.js';

export interface DetailTriage {
  ticketId: number;
  verdicts: FieldVerdict[];
  similar: SimilarTickets;
}

/** The suggestions that would change the ticket as the queue row shows it. */
export function differing(triage: DetailTriage | null, row: TicketListRow | undefined): FieldSuggestion[] {
  if (!triage || !row || triage.ticketId !== row.id) return [];
  const current: Record<string, string> = { category: row.category, priority: row.priority, tier: row.tier };
  return triage.verdicts.flatMap((v) => (v.suggestion && v.suggestion.value !== current[v.field] ? [v.suggestion] : []));
}

export function changesOf(suggestions: readonly FieldSuggestion[]): TicketChanges {
  const changes: Record<string, string> = {};
  for (const s of suggestions) changes[s.field] = s.value;
  return changes as TicketChanges;
}
