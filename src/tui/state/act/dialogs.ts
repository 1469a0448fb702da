/** Constructors of the dialogs (pickers, compose boxes, confirmations), pure. */
import { editorFrom } from '../editor.js';
import { enqueue, setOverlay } from './targets.js';
import type { ActState, ComposePurpose, Intent, Overlay, PickOption, PickPurpose, Target } from './types.js';

export function picker(target: Target, purpose: PickPurpose, title: string, options: PickOption[], current?: string): Overlay {
  const index = Math.max(
    0,
    options.findIndex((o) => o.value === current),
  );
  return { kind: 'picker', purpose, title, options, index, target, ask: null };
}

const TITLES: Record<ComposePurpose, string> = {
  reply: 'Public reply to',
  note: 'Internal note on',
  call: 'Phone call on',
  resolve: 'Resolve',
  escalate: 'Escalate',
  tags: 'Tags for (-tag removes)',
  followup: 'Follow-up (thu 10:00, tomorrow, 2h, none) for',
  verify: 'Identity verified for',
  force: 'Resolve anyway',
};

export function compose(target: Target, purpose: ComposePurpose, extra: Partial<Extract<Overlay, { kind: 'compose' }>> = {}): Overlay {
  const call = purpose === 'call';
  const single = purpose === 'tags' || purpose === 'followup';
  return {
    kind: 'compose',
    purpose,
    title: `${TITLES[purpose]} ${target.label}`,
    text: editorFrom('', single),
    minutes: call ? editorFrom('', true) : null,
    field: call ? 'minutes' : 'text',
    tier: null,
    target,
    ask: null,
    ...extra,
  };
}

/** A question before a bulk write; a single ticket is written at once. */
export function confirmOrRun(act: ActState, target: Target, question: string, intent: Intent): ActState {
  if (!target.bulk) return enqueue(act, intent, true);
  const overlay = act.overlay ?? { kind: 'confirm' as const, target, ask: null };
  return setOverlay(act, { ...overlay, ask: { question: `${question} (${target.label})`, intent } });
}
