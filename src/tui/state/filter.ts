/** The `/` filter box's part of the state, pure: typing, erasing, and the text taking effect. */
import type { FilterState } from './types.js';

export const NO_FILTER: FilterState = { text: '', live: '', error: null };

/** Opening the box: it starts from the filter in effect. */
export const openFilter = (f: FilterState): FilterState => ({ ...f, text: f.live, error: null });

/** Typed or pasted: one line. */
export const insertFilter = (f: FilterState, text: string): FilterState => ({ ...f, text: f.text + text.replace(/[\r\n\t]/g, ' ') });

export const backspaceFilter = (f: FilterState): FilterState => ({ ...f, text: [...f.text].slice(0, -1).join('') });

export const eraseFilter = (f: FilterState): FilterState => ({ ...f, text: '' });

/** The text takes effect (it parsed); `changed`: the queue must load again from the top. */
export function settleFilter(f: FilterState, text: string): { filter: FilterState; changed: boolean } {
  if (text.trim() === f.live.trim()) return { filter: { ...f, live: text }, changed: false };
  return { filter: { ...f, live: text, error: null }, changed: true };
}
