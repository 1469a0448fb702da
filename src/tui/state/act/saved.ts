/**
 * Half-typed text as plain data, pure: what the console keeps when it has to stop unexpectedly
 * (session/rescue.ts writes it to a private file) and opens again at the next start. Text boxes only
 * (replies, notes, calls, resolutions, escalations, tags, the new-ticket form); pickers and questions
 * hold nothing typed.
 */
import { CHANNELS, PRIORITIES } from '../../../domain/ticket.js';
import { editorEmpty, editorFrom, editorText } from '../editor.js';
import { newForm } from '../form.js';
import type { ActState, ComposePurpose, Overlay, Target } from './types.js';

export type SavedDialog =
  | {
      kind: 'compose';
      purpose: ComposePurpose;
      title: string;
      target: Target;
      text: string;
      minutes: string | null;
      tier: string | null;
    }
  | { kind: 'form'; title: string; requester: string; description: string; category: string; priority: string; channel: string };

function save(o: Overlay | null): SavedDialog | null {
  if (o?.kind === 'compose' && o.target && (!editorEmpty(o.text) || (o.minutes && !editorEmpty(o.minutes)))) {
    const { purpose, title, target, tier } = o;
    return { kind: 'compose', purpose, title, target, text: editorText(o.text), minutes: o.minutes && editorText(o.minutes), tier };
  }
  if (o?.kind === 'form') {
    const f = o.form;
    const text = { title: editorText(f.title), requester: editorText(f.requester), description: editorText(f.description) };
    if (!Object.values(text).some((t) => t.trim())) return null;
    return { kind: 'form', ...text, category: f.category, priority: f.priority, channel: f.channel };
  }
  return null;
}

/** Everything typed that is not written yet: the open dialog, one waiting to come back, and writes still queued. */
export function unsent(act: ActState): SavedDialog[] {
  const dialogs = [act.overlay, act.restore, ...act.queue.map((q) => q.draft)];
  return dialogs.map(save).filter((d): d is SavedDialog => d !== null);
}

const PURPOSES: readonly string[] = ['reply', 'note', 'call', 'resolve', 'escalate', 'tags'];

/** A saved dialog back as a dialog (anything malformed is left out: the file is only ours, but may be old). */
export function reopen(d: SavedDialog, categories: readonly string[]): Overlay | null {
  if (d.kind === 'compose' && PURPOSES.includes(d.purpose) && Array.isArray(d.target?.ids) && typeof d.text === 'string') {
    return {
      kind: 'compose',
      purpose: d.purpose,
      title: String(d.title),
      target: { ...d.target, ids: d.target.ids.map(Number), bulk: Boolean(d.target.bulk) },
      text: editorFrom(d.text, d.purpose === 'tags'),
      minutes: d.purpose === 'call' ? editorFrom(typeof d.minutes === 'string' ? d.minutes : '', true) : null,
      field: 'text',
      tier: (d.tier as never) ?? null,
      ask: null,
    };
  }
  if (d.kind === 'form') {
    const f = newForm(categories);
    const pick = (v: unknown, options: readonly string[], fallback: string) =>
      typeof v === 'string' && options.includes(v) ? v : fallback;
    return {
      kind: 'form',
      target: null,
      ask: null,
      form: {
        ...f,
        title: editorFrom(String(d.title ?? ''), true),
        requester: editorFrom(String(d.requester ?? ''), true),
        description: editorFrom(String(d.description ?? '')),
        category: pick(d.category, f.categories, f.category),
        priority: pick(d.priority, PRIORITIES, f.priority),
        channel: pick(d.channel, CHANNELS, f.channel),
      },
    };
  }
  return null;
}

/** The dialogs saved when the console last stopped, open again: the first in front, the next waiting behind it. */
export function withReopened(act: ActState, saved: readonly SavedDialog[]): ActState {
  const [first, second] = saved.map((d) => reopen(d, act.categories)).filter((o): o is Overlay => o !== null);
  return first ? { ...act, overlay: first, restore: second ?? null } : act;
}
