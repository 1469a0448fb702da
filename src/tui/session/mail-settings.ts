/** The console's mail and chat settings: what the background workers send and fetch with, or none. */
import { chatRules } from '../../domain/chat/rules.js';
import { acknowledgeSettings } from '../../io/acknowledge-settings.js';
import { chatTimeoutMs } from '../../io/chat-settings.js';
import { imapSettings } from '../../io/imap-settings.js';
import { smtpSettings, type SmtpConfig } from '../../io/mail-settings.js';
import type { Settings } from '../../settings.js';
import type { Intake } from '../hooks/use-mail-fetch.js';
import type { ChatDelivery } from '../outbox-worker-data.js';

/** Delivery settings, or none when they are missing or wrong (`outbox send` names what is wrong). */
export function consoleMail(settings: Settings): SmtpConfig | null {
  try {
    const smtp = smtpSettings(settings);
    return smtp.configured ? smtp.config : null;
  } catch {
    return null;
  }
}

/** Chat rules for the outbox worker, when settings have any. */
export function consoleChat(settings: Settings, me: string): ChatDelivery | null {
  const rules = chatRules(settings, me);
  return rules && { rules, timeoutMs: chatTimeoutMs(settings) };
}

/** Intake settings, or none when they are missing or wrong (`mail fetch` names what is wrong). */
export function consoleIntake(settings: Settings): Intake | null {
  try {
    const imap = imapSettings(settings);
    return imap.configured ? { config: imap.config, acknowledge: acknowledgeSettings(settings) } : null;
  } catch {
    return null;
  }
}
