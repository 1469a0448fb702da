/** Constructors of the dialogs (pickers, compose boxes, confirmations), pure. */
import { enqueue, setOverlay } from './act-helpers.js';
import type { ComposePurpose, Intent, Overlay, PickOption, PickPurpose, Target } from './act-types.js';
import { editorFrom } from './editor-state.js';
import type { State } from './state.js';

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
};

export function compose(target: Target, purpose: ComposePurpose, extra: Partial<Extract<Overlay, { kind: 'compose' }>> = {}): Overlay {
  const call = purpose === 'call';
  const single = purpose === 'tags';
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
export function confirmOrRun(s: State, target: Target, question: string, intent: Intent): State {
  if (!target.bulk) return enqueue(s, intent, true);
  const overlay = s.act.overlay ?? { kind: 'confirm' as const, target, ask: null };
  return setOverlay(s, { ...overlay, ask: { question: `${question} (${target.label})`, intent } });
}
