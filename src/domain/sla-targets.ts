/**
 * Due times from priority targets, counted 24×7 for now (business calendars and pauses arrive
 * with the SLA engine). Pure: times are epoch milliseconds.
 */
import type { Priority, Status } from './ticket.js';

const HOUR = 3_600_000;

export interface Targets {
  firstResponseHours: number;
  resolutionHours: number;
}

export const DEFAULT_TARGETS: Readonly<Record<Priority, Targets>> = {
  urgent: { firstResponseHours: 1, resolutionHours: 4 },
  high: { firstResponseHours: 4, resolutionHours: 8 },
  normal: { firstResponseHours: 8, resolutionHours: 24 },
  low: { firstResponseHours: 16, resolutionHours: 80 },
};

export interface DueInput {
  priority: Priority;
  status: Status;
  created_at: number;
  first_response_at: number | null;
}

export interface DueTimes {
  first_response_due_at: number | null;
  resolution_due_at: number | null;
  next_due_at: number | null;
}

export function dueTimes(t: DueInput, targets = DEFAULT_TARGETS): DueTimes {
  const target = targets[t.priority];
  const done = t.status === 'resolved' || t.status === 'closed';
  const first = t.created_at + target.firstResponseHours * HOUR;
  const resolution = t.created_at + target.resolutionHours * HOUR;
  const firstRunning = !done && t.first_response_at === null;
  return {
    first_response_due_at: first,
    resolution_due_at: resolution,
    next_due_at: done ? null : firstRunning ? Math.min(first, resolution) : resolution,
  };
}
