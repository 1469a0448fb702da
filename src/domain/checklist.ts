/**
 * The rules of a service request's checklist, pure: what stands between a request and `resolved`.
 * Open required items can be overridden with a reason (forced); a missing identity check cannot.
 */

import { DesklineError, EXIT } from '../errors.js';

/** A resolve refused by the checklist or the identity check (exit 3, but no version conflict: nothing to reload). */
export class ResolveBlocked extends DesklineError {
  /** Open required items only: a reason may force the resolve (the console offers it). */
  readonly forceable: boolean;
  constructor(message: string, forceable = false) {
    super(EXIT.conflict, message);
    this.forceable = forceable;
    this.name = 'ResolveBlocked';
  }
}

export interface ChecklistItem {
  position: number;
  text: string;
  required: boolean;
  /** What ticking the item does besides ticking it (e.g. `recover_assets`); null for nothing. */
  action: string | null;
  doneAt: number | null;
  doneBy: string | null;
}

export interface ResolveCheck {
  items: readonly ChecklistItem[];
  verifyIdentity: boolean;
  verified: boolean;
}

export type Blocker = { kind: 'items'; open: ChecklistItem[] } | { kind: 'identity' };

/** Statuses a request cannot enter while something blocks it. */
export const GUARDED_STATUSES: readonly string[] = ['resolved', 'closed'];

/** What keeps the request from being resolved, in the order the message names them. */
export function resolveBlockers(check: ResolveCheck): Blocker[] {
  const out: Blocker[] = [];
  if (check.verifyIdentity && !check.verified) out.push({ kind: 'identity' });
  const open = check.items.filter((i) => i.required && i.doneAt === null);
  if (open.length) out.push({ kind: 'items', open });
  return out;
}

/** The one line a refused resolve prints. */
export function blockerMessage(ref: string, blockers: readonly Blocker[]): string {
  const parts = blockers.map((b) =>
    b.kind === 'identity'
      ? `identity not verified (ticket verify ${ref} --method …)`
      : `required item${b.open.length > 1 ? 's' : ''} open: ${b.open.map((i) => `${i.position} ${i.text}`).join('; ')}`,
  );
  const forceable = blockers.every((b) => b.kind === 'items');
  return `${ref} cannot be resolved: ${parts.join(', ')}${forceable ? ' (--force REASON resolves anyway)' : ''}`;
}

/** Blockers a forced resolve (with a reason) may step over: open items only, never the identity check. */
export function forceable(blockers: readonly Blocker[]): boolean {
  return blockers.every((b) => b.kind === 'items');
}

/** "3/6" for the detail pane and lists. */
export function progress(items: readonly ChecklistItem[]): string {
  return `${items.filter((i) => i.doneAt !== null).length}/${items.length}`;
}
