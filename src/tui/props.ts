/** What main.ts (and tests) hand the console: the desk, who is at the keyboard, settings, and hooks into its life. */
import type { SmtpConfig } from '../io/mail-settings.js';
import type { Desk } from '../store/desk.js';
import type { Intake } from './hooks/use-mail-fetch.js';
import type { Actor } from '../store/executor.js';
import type { Binding } from './keys/actions.js';
import type { SavedDialog } from './state/act/saved.js';
import type { TimedTicket } from './state/timer.js';
import type { Preload, State } from './state/types.js';
import type { View } from './state/views.js';
import type { TourProps } from './tour/use-tour.js';
import type { ChatDelivery } from './outbox-worker-data.js';

/** Loads `tickets` demo tickets into the desk, reporting progress as text. */
export interface DemoLoader {
  tickets: number;
  load: (desk: Desk, progress: (text: string) => void) => Promise<void>;
}

export interface ConsoleProps {
  desk: Desk;
  me: Actor;
  views: readonly View[];
  keymap: readonly Binding[];
  dbName: string;
  color: boolean;
  pollMs?: number;
  /** The first rows, loaded before the first frame. */
  preload?: Preload;
  /** Demo data for the welcome screen's `d` (session/demo.ts). */
  demo?: DemoLoader;
  /** Ticket categories from the settings (the new-ticket form). */
  categories?: readonly string[];
  /** SMTP settings: the console sends the outbox in the background (none: replies wait). */
  mail?: SmtpConfig | null;
  /** Chat notification rules and the webhook timeout, when settings have any: the outbox worker sends those too. */
  chat?: ChatDelivery | null;
  /** IMAP settings: the console fetches mail in the background (none: no intake). */
  intake?: Intake | null;
  /** The environment $EDITOR/$VISUAL are read from. */
  env?: Record<string, string | undefined>;
  /** The clock for the timer (`T`) and the dashboard; tests pass a fake one. */
  clock?: () => number;
  /** Kept up to date with the running timer, so that main.ts can log it when a signal ends the console. */
  runningTimer?: { current: TimedTicket | null };
  /** Kept up to date with the state, for what main.ts saves when the console has to stop (session/rescue.ts). */
  snapshot?: { current: State | null };
  /** Text saved when the console last stopped on an error: it opens again in its box. */
  reopened?: readonly SavedDialog[];
  /** Something was thrown in the tree. Without it, Ink's own error screen shows. */
  onCrash?: (error: unknown) => void;
  /** The tour (`deskline tour`): lessons shown under the console, on a sandbox desk. */
  tour?: TourProps;
}
