/**
 * `ticket create --auto`: the triage suggestions above the threshold fill the fields the user left
 * unset (a flag always wins), and the command says which it applied. Nothing else is changed.
 */
import type { TicketInput } from '../domain/ticket-input.js';
import { DEFAULT_CATEGORIES, isOneOf, PRIORITIES, TIERS } from '../domain/ticket.js';
import type { FieldSuggestion, TriageField } from '../domain/triage/fields.js';
import type { Executor } from '../store/executor.js';
import { suggestTriage } from '../store/triage-suggest.js';

export interface AutoResult {
  input: TicketInput;
  applied: FieldSuggestion[];
}

export async function applySuggestions(
  db: Executor,
  input: TicketInput,
  given: Partial<Record<TriageField, unknown>>,
  categories: readonly string[] | undefined,
): Promise<AutoResult> {
  const valid: Record<TriageField, (v: string) => boolean> = {
    category: (v) => (categories ?? DEFAULT_CATEGORIES).includes(v),
    priority: (v) => isOneOf(PRIORITIES, v),
    tier: (v) => isOneOf(TIERS, v),
  };
  const applied: FieldSuggestion[] = [];
  const out = { ...input };
  for (const v of await suggestTriage(db, input)) {
    const s = v.suggestion;
    if (!s || given[v.field] !== undefined || !valid[v.field](s.value)) continue;
    (out as Record<TriageField, string>)[v.field] = s.value;
    applied.push(s);
  }
  return { input: out, applied };
}

export function describeApplied(applied: readonly FieldSuggestion[]): string {
  if (applied.length === 0) return 'auto: no suggestion above the threshold; fields left as given';
  return `auto: ${applied.map((s) => `${s.field} ${s.value} (${Math.round(s.confidence * 100)} %)`).join(', ')}`;
}
