/** JSON shapes of tickets (versioned by the `schema` field ctx.json adds) and JSON/JSONL input. */
import { InputError, validateTicketInput, type TicketInput } from '../domain/ticket-input.js';
import { EXIT, fail } from '../errors.js';
import type { InteractionRow } from '../store/interactions.js';
import type { TicketView } from '../store/ticket-view.js';
import { importRecord, unwrapTickets } from '../io/ticket-records.js';
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
    group: t.group?.name ?? null,
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

/** Tickets read from JSON: the validated input, and one line per ticket whose title was made up. */
export interface ParsedTickets {
  inputs: TicketInput[];
  notes: string[];
}

/**
 * Parses one JSON object, a JSON array of objects, JSON Lines, or any document `--json` prints
 * (list, show, create, update), and validates every ticket before anything is written. An error
 * names the source and the line (JSON Lines) or the item (an array): `file.json item 3: priority: …`.
 */
export function parseTicketJson(text: string, source: string, categories?: readonly string[]): ParsedTickets {
  const trimmed = text.trim();
  if (trimmed === '') fail(EXIT.invalid, `${source}: no tickets in input`);
  const records: { value: unknown; where: string }[] = [];
  const add = (doc: unknown, at: string) => {
    const list = unwrapTickets(doc) ?? (Array.isArray(doc) ? doc : null);
    if (list) list.forEach((value, i) => records.push({ value, where: `${at} item ${i + 1}`.trim() }));
    else records.push({ value: doc, where: at });
  };
  let whole: unknown;
  try {
    whole = JSON.parse(trimmed) as unknown;
  } catch {
    whole = undefined;
  }
  if (whole !== undefined) add(whole, '');
  else
    text.split('\n').forEach((raw, i) => {
      if (raw.trim() === '') return;
      try {
        add(JSON.parse(raw), `line ${i + 1}`);
      } catch (error) {
        fail(EXIT.invalid, `${source} line ${i + 1}: malformed JSON (${(error as Error).message.split('\n')[0]})`);
      }
    });
  if (records.length === 0) fail(EXIT.invalid, `${source}: no tickets in input`);
  const where = (at: string) => (at ? `${source} ${at}` : source);
  const notes: string[] = [];
  const inputs = records.map(({ value, where: at }) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) fail(EXIT.invalid, `${where(at)}: expected a JSON object`);
    try {
      const { input, titleTaken } = importRecord(value as Record<string, unknown>);
      const valid = validateTicketInput(input, categories);
      if (titleTaken !== undefined) notes.push(`${where(at)}: no title; took "${titleTaken}" from the description`);
      return valid;
    } catch (error) {
      if (error instanceof InputError) fail(EXIT.invalid, `${where(at)}: ${error.message}`);
      throw error;
    }
  });
  return { inputs, notes };
}
