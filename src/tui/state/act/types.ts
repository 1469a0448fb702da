/**
 * Acting on tickets, as data: what a write is about (Target), the effects the reducer asks for
 * (Intent, run by hooks/use-intents.ts through the store), the open dialog (Overlay) and the slice of
 * the console's state that holds them (ActState).
 */
import type { ChecklistItem } from '../../../domain/checklist.js';
import type { VerifyMethod } from '../../../domain/identity.js';
import type { Macro, MacroSubject } from '../../../domain/macro.js';
import type { TicketInput } from '../../../domain/ticket-input.js';
import { DEFAULT_CATEGORIES, type Tier } from '../../../domain/ticket.js';
import type { InteractionInput } from '../../../store/interactions.js';
import type { ConflictView } from '../../../store/sync/status.js';
import type { TicketListRow } from '../../../store/ticket-list.js';
import type { TicketChanges } from '../../../store/ticket-changes.js';
import type { EditorState } from '../editor.js';
import type { FormState } from '../form.js';
import type { FormAsset } from '../form-request.js';
import type { RequestTemplate } from '../../../domain/request-template.js';
import type { FieldSuggestion, FieldVerdict } from '../../../domain/triage/fields.js';
import type { Target } from './target.js';

export type { Target } from './target.js';

export type Intent =
  | { kind: 'update'; target: Target; changes: TicketChanges; action: string; verb: string }
  | { kind: 'interaction'; target: Target; input: InteractionInput }
  | { kind: 'escalate'; target: Target; tier: Tier; reason: string }
  /** `force`: the reason a request with required checklist items open is resolved anyway (audited). */
  | { kind: 'resolve'; target: Target; resolution: string; force?: string }
  | { kind: 'verify'; target: Target; method: VerifyMethod; note: string }
  | { kind: 'reopen'; target: Target }
  | { kind: 'macro'; target: Target; name: string }
  | { kind: 'check'; target: Target; position: number; done: boolean }
  /** `request`: a template's slug and checked field values (the checklist comes with it); `assets`: tags to link. */
  | { kind: 'create'; input: TicketInput; request?: { slug: string; fields: Record<string, string> } | null; assets?: string[] }
  | { kind: 'copy'; text: string }
  /** Suspend the console for a remote session to the ticket's asset, and log it. */
  | { kind: 'remote'; target: Target }
  /** Suspend the console for $EDITOR on `text`; the answer fills the overlay's text field. */
  | { kind: 'editor'; text: string }
  /** `M`: the marked tickets (target) merge into `into`. */
  | { kind: 'merge'; target: Target; into: Target }
  /** `P`: `parent` becomes the parent of the marked tickets (target). */
  | { kind: 'parent'; target: Target; parent: Target }
  /** `F`: a follow-up time as typed (`thu 10:00`, `2h`, `none`), read with the clock when it runs. */
  | { kind: 'followup'; target: Target; when: string }
  /** `Y`: a sync conflict settled (store/sync/resolve.ts): the kept value stays, or the lost one is taken. */
  | { kind: 'syncResolve'; target: Target; conflict: number; take: 'kept' | 'lost' };

export interface Queued {
  seq: number;
  intent: Intent;
  /** The dialog it came from, closed at once (typing ahead works) and given back if the write fails. */
  draft: Overlay | null;
}

/** What a run of an intent reports back. */
export interface Outcome {
  ok: boolean;
  message: string;
  /** A compare-and-set conflict: the ticket was reloaded. */
  conflict?: boolean;
  /** Versions after the write (or the fresh version after a conflict). */
  versions?: { id: number; version: number }[];
  /** The written tickets as queue rows: the screen shows the change at once, before the reload. */
  rows?: TicketListRow[];
  field?: string /** the form field an input error is about */;
  createdId?: number;
  text?: string /** text back from $EDITOR */;
  forceable?: boolean /** a resolve refused for open required checklist items only: a reason may force it */;
}

export interface PickOption {
  value: string;
  label: string;
  /** Typing this key picks the option at once. */
  key?: string;
}

export type PickPurpose = 'assign' | 'priority' | 'status' | 'tier' | 'kbLink' | 'verify' | 'conflict' | 'conflictTake';
export type ComposePurpose = 'reply' | 'note' | 'call' | 'resolve' | 'escalate' | 'tags' | 'followup' | 'verify' | 'force';

/** A yes/no question over an overlay: run `intent` on yes, or discard the overlay. */
export type Ask = { question: string; intent: Intent } | { question: string; discard: true };

interface Common {
  target: Target | null;
  ask: Ask | null;
}

export type Overlay = Common &
  (
    | { kind: 'picker'; purpose: PickPurpose; title: string; options: PickOption[]; index: number }
    | {
        kind: 'compose';
        purpose: ComposePurpose;
        title: string;
        text: EditorState;
        minutes: EditorState | null;
        field: 'text' | 'minutes';
        tier: Tier | null;
        /** `verify`: the method picked; `force`: the resolution the refused resolve carried. */
        method?: VerifyMethod;
        resolution?: string;
      }
    | { kind: 'form'; form: FormState }
    /** `m`: the macros matching `query` (names, best first; null until fuse.js answered), the subject of the preview. */
    | { kind: 'macro'; query: string; matches: string[] | null; index: number; subject: MacroSubject | null }
    | { kind: 'checklist'; index: number }
    | { kind: 'confirm' }
    | { kind: 'help'; scroll: number }
  );

export interface Mark {
  id: number;
  ref: string;
  status: string;
  /** The ticket's version when it was marked: a bulk write changes it only if nobody else did since. */
  version: number;
}

export interface ActState {
  overlay: Overlay | null;
  /** A dialog whose write failed while another was open: it comes back when that one closes. */
  restore: Overlay | null;
  marks: Mark[];
  queue: Queued[];
  seq: number;
  /** The last version seen of a ticket (the detail pane's load, or our own write). */
  seen: { id: number; version: number } | null;
  /** The ticket just acted on: it stays in the queue (and selected) even when it left the view. */
  keep: number | null;
  /** The notice is an action's message: shown at full width, cleared when the selection moves. */
  loud: boolean;
  technicians: Technician[];
  /** The desk's macros (the `m` picker). */
  macros: Macro[];
  /** The desk's categories (settings), for the new-ticket form. */
  categories: readonly string[];
  /** The desk's request templates, for the new-ticket form. */
  templates: RequestTemplate[];
  /** Open sync conflicts (`Y` lists them). */
  conflicts: ConflictView[];
}

export interface Technician {
  name: string;
  email: string;
  me: boolean;
}

export const INITIAL_ACT: ActState = {
  overlay: null,
  restore: null,
  marks: [],
  queue: [],
  seq: 0,
  seen: null,
  keep: null,
  loud: false,
  technicians: [],
  macros: [],
  categories: DEFAULT_CATEGORIES,
  templates: [],
  conflicts: [],
};

/** Data arriving for the act slice. */
export type ActAction =
  | { type: 'intentDone'; seq: number; outcome: Outcome }
  | { type: 'technicians'; list: Technician[] }
  | { type: 'macros'; list: Macro[] }
  | { type: 'macroMatches'; query: string; names: string[] }
  | { type: 'suggestions'; text: string; items: string[] }
  | { type: 'templates'; list: RequestTemplate[] }
  | { type: 'conflicts'; list: ConflictView[] }
  /** The assets of the requester typed as `requester` in the form. */
  | { type: 'formAssets'; requester: string; items: FormAsset[] }
  | { type: 'formTriage'; text: string; verdicts: FieldVerdict[] };

/** What the act slice reads of the rest of the console (it never sees the whole state). */
export interface ActCtx {
  /** The selected ticket. */
  row: TicketListRow | undefined;
  /** How far the help overlay scrolls at this size (0 when it shows side by side). */
  helpMax: number;
  /** Suggested KB articles and the ticket they are for (Ctrl+K in a reply). */
  suggest: { ticketId: number; items: readonly { id: number; title: string }[] } | null;
  /** The selected ticket as loaded in the detail pane (the macro preview's subject), and its checklist. */
  subject: MacroSubject | null;
  checklist: readonly ChecklistItem[] | null;
  /** The triage suggestions that would change the selected ticket (S accepts them). */
  triage: readonly FieldSuggestion[];
}
