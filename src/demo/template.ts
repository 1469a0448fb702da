/**
 * Demo data, the problems: what really lands on an IT desk, as ticket templates. Patterns use
 * `{placeholder}`s from PLACES (./catalog.ts) plus `{first}` (the requester's first name),
 * `{person}` (someone else: a new starter, a leaver), `{dept}` and `{case}`. Pure data.
 */
import type { Priority, Tier } from '../domain/ticket.js';

export interface TicketTemplate {
  category: 'hardware' | 'software' | 'network' | 'account' | 'access' | 'email' | 'printer' | 'other';
  /** The typical priority; the generator mixes it with the desk-wide priority spread. */
  priority: Priority;
  /** How often it comes in, relative to the others. */
  weight: number;
  tier?: Tier;
  tags: readonly string[];
  /** Title and description pairs: what the requester wrote. */
  cases: readonly (readonly [title: string, description: string])[];
  /** Resolution texts (also the gist of the closing reply). */
  fixes: readonly string[];
  /** Requests come from this department (onboarding from HR …). */
  from?: string;
  /** Raised by monitoring as often as by people. */
  monitored?: boolean;
}

/** Checks one template's shape where it is written. */
export const t = (x: TicketTemplate) => x;
