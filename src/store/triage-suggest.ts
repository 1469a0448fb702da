/**
 * Triage suggestions from the stored model: category, priority and tier for a title and
 * description, each with its confidence, or the reason there is none. Reads only; a suggestion never
 * changes a ticket (the faces apply one when the user says so: `ticket create --auto`, one key).
 */
import { featuresOf } from '../domain/triage/features.js';
import { TRIAGE_FIELDS, TRIAGE_RULES, type FieldVerdict, type TriageRules } from '../domain/triage/fields.js';
import { verdict } from '../domain/triage/suggest.js';
import { evaluate, type EvalTicket, type Evaluation } from '../domain/triage/evaluate.js';
import type { Executor } from './executor.js';
import { storedSlices } from './triage-model.js';
import { labelsOf } from './triage-learn.js';
import { resolvedTickets } from './triage-train.js';

export async function suggestTriage(
  db: Executor,
  text: { title: string; description: string },
  rules: TriageRules = TRIAGE_RULES,
): Promise<FieldVerdict[]> {
  const features = featuresOf(text.title, text.description);
  const slices = await storedSlices(db, features);
  return TRIAGE_FIELDS.map((field) => verdict(field, slices.get(field)!, features, rules));
}

/** `triage eval`: the desk's resolved tickets by creation time, older 80 % learned, newer 20 % tested. */
export async function evaluateDesk(db: Executor, rules: TriageRules = TRIAGE_RULES): Promise<Evaluation> {
  const tickets: (EvalTicket & { created: number; id: number })[] = [];
  for await (const t of resolvedTickets(db))
    tickets.push({ id: t.id, title: t.title, description: t.description, labels: labelsOf(t), created: t.created_at });
  tickets.sort((a, b) => a.created - b.created || a.id - b.id);
  return evaluate(tickets, rules);
}
