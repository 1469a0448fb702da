/**
 * SLA targets for the queue's due column, and the header's count of my tickets at risk or breached.
 * Read after the frame (never on a keystroke), again on each data change (the data_version poll or
 * our own writes) and on each tick of the minute clock, since time alone moves tickets into risk.
 */
import { useEffect, useState } from 'react';
import { DEFAULT_SLA_SETTINGS, type AlertCounts, type SlaSettings } from '../../domain/sla-badge.js';
import type { Executor } from '../../store/executor.js';
import { myAlerts, slaSettings } from '../../store/sla-alerts.js';

const yieldToInput = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface Sla {
  settings: SlaSettings;
  /** null until first read. */
  alerts: AlertCounts | null;
}

export function useSla(db: Executor, meId: number | null, version: number, now: number): Sla {
  const [sla, setSla] = useState<Sla>({ settings: DEFAULT_SLA_SETTINGS, alerts: null });
  useEffect(() => {
    let alive = true;
    const timer = setTimeout(async () => {
      try {
        await yieldToInput();
        const settings = await slaSettings(db);
        await yieldToInput();
        if (!alive) return;
        const alerts = await myAlerts(db, meId, settings, now);
        if (alive)
          setSla((prev) => (sameAlerts(prev.alerts, alerts) && sameSettings(prev.settings, settings) ? prev : { settings, alerts }));
      } catch {
        // the database went away (closing): the next change tries again
      }
    }, 0);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [db, meId, version, now]);
  return sla;
}

const sameAlerts = (a: AlertCounts | null, b: AlertCounts) => a !== null && a.atRisk === b.atRisk && a.breached === b.breached;

/** Calendars are memoised by content in the store, so equal settings keep their identity (rows stay memoised). */
function sameSettings(a: SlaSettings, b: SlaSettings): boolean {
  if (a.calendars !== b.calendars && (!a.calendars || !b.calendars)) return false;
  const keys = Object.keys(b.policy) as (keyof SlaSettings['policy'])[];
  return keys.every((k) => {
    const x = a.policy[k];
    const y = b.policy[k];
    return (
      x.firstResponseMinutes === y.firstResponseMinutes &&
      x.resolutionMinutes === y.resolutionMinutes &&
      x.is24x7 === y.is24x7 &&
      (a.calendars?.[k] ?? null) === (b.calendars?.[k] ?? null)
    );
  });
}
