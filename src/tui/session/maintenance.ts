/**
 * The console applies the automatic rules (`deskline maintain`, store/maintain.ts) when it starts and
 * every hour while it runs, and queues the chat notifications of SLA risk and breach (store/chat-sla.ts)
 * when the settings have rules for them. The hourly run uses a connection of its own: its commit moves the console
 * connection's data_version, so the queue reloads as it does for any other writer.
 */
import { automationSettings } from '../../domain/automation-rules.js';
import { chatRules, type ChatRules } from '../../domain/chat/rules.js';
import { currentIdentity, readSettings, type Settings } from '../../settings.js';
import { notifySla } from '../../store/chat-sla.js';
import { openDesk, type Desk } from '../../store/desk.js';
import { runMaintenance } from '../../store/maintain.js';

const HOUR = 3_600_000;

/** The chat rules of the settings in `env`, for the console's desk handles (store/chat-rules-carrier.ts). */
export function chatRulesOf(env: Record<string, string | undefined>): ChatRules | null {
  const settings = readSettings(env);
  return chatRules(settings, currentIdentity(settings, env).email);
}

/** Runs the rules once on the console's desk; a failure leaves the desk as it was and the console starts all the same. */
export async function maintainAtStart(desk: Desk, settings: Settings): Promise<void> {
  await runMaintenance(desk.db, automationSettings(settings)).catch(() => undefined);
  await notifySla(desk.db).catch(() => undefined);
}

/** Runs the rules every hour on a connection of its own; returns the stop. */
export function maintainHourly(path: string, settings: Settings, everyMs = HOUR): () => void {
  if (path === ':memory:' || path === '') return () => undefined; // nothing another connection could reach
  const timer = setInterval(() => {
    void openDesk(path, { chat: chatRules(settings, currentIdentity(settings, process.env).email) })
      .then(async (own) => {
        try {
          await runMaintenance(own.db, automationSettings(settings));
          await notifySla(own.db);
        } finally {
          await own.close();
        }
      })
      .catch(() => undefined); // busy or read-only: the next hour tries again
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
