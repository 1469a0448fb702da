/** Triage suggestions and similar tickets as text and JSON, shared by `ticket show/suggest/similar/create`. */
import type { FieldVerdict } from '../domain/triage/fields.js';
import type { SimilarTicket, SimilarTickets } from '../store/ticket-similar.js';
import type { Ctx } from './context.js';
import { cleanLine, paint, truncate } from './format.js';

const percent = (x: number) => `${Math.round(x * 100)} %`;

export function suggestionsJson(verdicts: readonly FieldVerdict[]): Record<string, unknown>[] {
  return verdicts.map((v) => ({
    field: v.field,
    value: v.suggestion?.value ?? null,
    confidence: v.suggestion?.confidence ?? null,
    learned_from: v.suggestion?.learned ?? null,
    reason: v.reason,
  }));
}

export function similarJson(similar: SimilarTickets): Record<string, unknown> {
  const one = (t: SimilarTicket) => ({
    ref: t.ref,
    title: t.title,
    status: t.status,
    similarity: t.similarity,
    same_requester: t.sameRequester,
    resolution: t.resolution,
  });
  return { possible_duplicates: similar.duplicates.map(one), solved_before: similar.solved.map(one) };
}

/** `category: printer (87 %)` per field; a field with none says why. `current` marks what the ticket already has. */
export function printSuggestions(ctx: Ctx, verdicts: readonly FieldVerdict[], current?: Record<string, string>): void {
  ctx.out(paint(ctx.color, 'bold', 'Suggested'));
  for (const v of verdicts) {
    const s = v.suggestion;
    const same = s && current?.[v.field] === s.value ? ' (as set)' : '';
    ctx.out(
      `  ${v.field.padEnd(11)} ${s ? `${cleanLine(s.value)} (${percent(s.confidence)})${same}` : paint(ctx.color, 'gray', `— ${v.reason}`)}`,
    );
  }
}

export function printSimilar(ctx: Ctx, similar: SimilarTickets): void {
  const line = (t: SimilarTicket) =>
    `  ${t.ref.padEnd(9)} ${percent(t.similarity).padStart(5)}  ${t.status.padEnd(8)} ${truncate(cleanLine(t.title), 60)}${t.sameRequester ? '  (same requester)' : ''}`;
  if (similar.duplicates.length) {
    ctx.out(paint(ctx.color, 'bold', `Possible duplicates (${similar.duplicates.length})`));
    for (const t of similar.duplicates) ctx.out(line(t));
  }
  if (similar.solved.length) {
    ctx.out(paint(ctx.color, 'bold', `Solved before (${similar.solved.length})`));
    for (const t of similar.solved) {
      ctx.out(line(t));
      if (t.resolution) ctx.out(paint(ctx.color, 'gray', `            ↳ ${truncate(cleanLine(t.resolution), 70)}`));
    }
  }
  if (!similar.duplicates.length && !similar.solved.length) ctx.out(paint(ctx.color, 'gray', 'No similar tickets'));
}
