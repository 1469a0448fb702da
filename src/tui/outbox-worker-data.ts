/** What the console's outbox worker (./outbox-worker.ts) is started with: the desk, and how to deliver. */
import type { ChatRules } from '../domain/chat/rules.js';
import type { SmtpConfig } from '../io/mail-settings.js';

export interface ChatDelivery {
  rules: ChatRules;
  timeoutMs: number;
}

export interface OutboxWorkerData {
  path: string;
  /** Mail delivery, when configured. */
  config: SmtpConfig | null;
  /** Chat notifications, when settings have rules. */
  chat: ChatDelivery | null;
}
