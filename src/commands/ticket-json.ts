/** JSON shapes of tickets (versioned by the `schema` field ctx.json adds) and JSON/JSONL input. */
import { InputError, validateTicketInput, type TicketInput } from '../domain/ticket-input.js';
import { EXIT, fail } from '../errors.js';
import type { InteractionRow } from '../store/interactions.js';
import type { TicketView } from '../store/ticket-view.js';
import { iso } from './format.js';

export function ticketJson(t: TicketView): Record<string, unknown> {
  return {
    ref: t.ref,
    id: t.id,
    title: t.title,
    description: t.description,
    status: t.status,
    priority: t.priority,
    category: t.category,
    channel: t.channel,
    tier: t.tier,
    tags: t.tags,
    requester: t.requester,
    assignee: t.assignee,
    external_id: t.external_id,
    resolution: t.resolution,
    version: t.version,
    created_at: iso(t.created_at),
    updated_at: iso(t.updated_at),
    first_response_at: iso(t.first_response_at),
    resolved_at: iso(t.resolved_at),
    closed_at: iso(t.closed_at),
    first_response_due_at: iso(t.first_response_due_at),
    resolution_due_at: iso(t.resolution_due_at),
    next_due_at: iso(t.next_due_at),
  };
}

export function interactionJson(i: InteractionRow): Record<string, unknown> {
  return { id: i.id, kind: i.kind, author: i.author_name, body: i.body, minutes: i.minutes, at: iso(i.created_at) };
}

/**
 * Parses one JSON object, a JSON array of objects, or JSON Lines, and validates every ticket
 * before anything is written. An error names the source and line: `file.jsonl line 3: priority: …`.
 */
export function parseTicketJson(text: string, source: string, categories?: readonly string[]): TicketInput[] {
  const trimmed = text.trim();
  if (trimmed === '') fail(EXIT.invalid, `${source}: no tickets in input`);
  let records: { value: unknown; line: number }[];
  try {
    const whole = JSON.parse(trimmed) as unknown;
    const list = Array.isArray(whole) ? whole : [whole];
    records = list.map((value, i) => ({ value, line: Array.isArray(whole) ? i + 1 : 1 }));
  } catch {
    records = [];
    text.split('\n').forEach((raw, i) => {
      if (raw.trim() === '') return;
      try {
        records.push({ value: JSON.parse(raw), line: i + 1 });
      } catch (error) {
        fail(EXIT.invalid, `${source} line ${i + 1}: malformed JSON (${(error as Error).message.split('\n')[0]})`);
      }
    });
  }
  const where = (line: number) => (records.length > 1 || line > 1 ? `${source} line ${line}` : source);
  return records.map(({ value, line }) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) fail(EXIT.invalid, `${where(line)}: expected a JSON object`);
    try {
      return validateTicketInput(value as Record<string, unknown>, categories);
    } catch (error) {
      if (error instanceof InputError) fail(EXIT.invalid, `${where(line)}: ${error.message}`);
      throw error;
    }
  });
}
