/**
 * SLA targets for the queue's due column, and the header's count of my tickets at risk or breached.
 * Read after the frame (never on a keystroke), again on each data change and on each tick of the
 * minute clock, since time alone moves tickets into risk. Equal answers keep their identity, so the
 * queue's rows stay memoised.
 */
import { useState } from 'react';
import { DEFAULT_SLA_SETTINGS, type AlertCounts, type SlaSettings } from '../../domain/sla-badge.js';
import { myAlerts, slaSettings } from '../../store/sla-alerts.js';
import { useDesk } from './desk-context.js';
import { useDeskQuery, yieldToInput } from './use-desk-query.js';

export interface Sla {
  settings: SlaSettings;
  /** null until first read. */
  alerts: AlertCounts | null;
}

export function useSla(now: number): Sla {
  const { me } = useDesk();
  const [sla, setSla] = useState<Sla>({ settings: DEFAULT_SLA_SETTINGS, alerts: null });
  useDeskQuery(
    `${me.id}:${now}`,
    async (db) => {
      await yieldToInput();
      const settings = await slaSettings(db);
      await yieldToInput();
      return { settings, alerts: await myAlerts(db, me.id, settings, now) };
    },
    {
      live: true,
      onAnswer: (next) =>
        setSla((prev) => (sameAlerts(prev.alerts, next.alerts) && sameSettings(prev.settings, next.settings) ? prev : next)),
      // the database went away (closing): the next change tries again
      onError: () => undefined,
    },
  );
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
