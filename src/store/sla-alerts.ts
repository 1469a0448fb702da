/**
 * The console's SLA warning: how many of a technician's open tickets are at risk or breached now.
 * Only tickets with a running clock can be either (a paused or stopped clock stores no next due),
 * so this reads `assignee_id = me AND status IN (new, open) AND next_due_at IS NOT NULL` over the
 * (assignee_id, status, id) index and classifies the rows with the queue's own badge rule.
 */
import { countAlerts, DEFAULT_SLA_SETTINGS, type AlertCounts, type SlaSettings } from '../domain/sla-badge.js';
import type { Status } from '../domain/ticket.js';
import type { Executor } from './executor.js';
import { loadSlaConfig } from './sla-config.js';

const RUNNING: readonly Status[] = ['new', 'open'];

/** Targets and calendars for badges; the defaults (counted 24×7) when the policy tables cannot be read. */
export async function slaSettings(db: Executor): Promise<SlaSettings> {
  try {
    const config = await loadSlaConfig(db);
    return { policy: config.policy, calendars: config.calendars };
  } catch {
    return DEFAULT_SLA_SETTINGS;
  }
}

export async function myAlerts(db: Executor, meId: number | null, settings: SlaSettings, now: number): Promise<AlertCounts> {
  if (meId === null) return { atRisk: 0, breached: 0 };
  const rows = await db
    .selectFrom('tickets')
    .select(['priority', 'next_due_at', 'first_response_due_at', 'resolution_due_at'])
    .where('assignee_id', '=', meId)
    .where('status', 'in', RUNNING)
    .where('next_due_at', 'is not', null)
    .execute();
  return countAlerts(rows, settings, now);
}
