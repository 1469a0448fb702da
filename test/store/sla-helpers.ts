/** Builders for SLA store tests. */
import type { TicketInput } from '../../src/domain/ticket-input.js';
import type { Priority, Status } from '../../src/domain/ticket.js';
import { tempDb } from '../helpers/temp.js';

/** A migrated desk (with 003-sla), closed after the test. */
export const slaDesk = tempDb;

export function input(title: string, priority: Priority = 'normal', status: Status = 'new'): TicketInput {
  return {
    title,
    description: '',
    priority,
    category: 'other',
    channel: 'cli',
    status,
    tier: 'L1',
    tags: [],
    requester: null,
    assignee: null,
    externalId: null,
    resolution: null,
  };
}

export const at = (iso: string): number => Date.parse(iso);
export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
