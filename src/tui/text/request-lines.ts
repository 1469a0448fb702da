/**
 * Lines for service requests and macros, pure: a checklist (the detail pane and the `c` dialog) and a
 * macro's preview (the `m` picker): the reply as the selected ticket will get it, or the first
 * placeholder with no value, and the field changes.
 */
import { progress, type ChecklistItem } from '../../domain/checklist.js';
import { describeMacroChanges, renderMacro, type Macro, type MacroSubject, type Me } from '../../domain/macro.js';
import { sanitizeLine, sanitizeText } from '../../domain/sanitize.js';
import type { Line } from './detail-lines.js';
import { wrap } from './text.js';

export function itemLine(item: ChecklistItem): string {
  const who = item.doneBy ? `  — ${item.doneBy}` : '';
  return sanitizeLine(`[${item.doneAt === null ? ' ' : 'x'}] ${item.position}. ${item.text}${item.required ? '' : ' (optional)'}${who}`);
}

/** The checklist at the foot of the detail pane (nothing for a ticket that has none). */
export function checklistLines(items: readonly ChecklistItem[] | null): Line[] {
  if (!items || items.length === 0) return [];
  return [
    { text: '' },
    { text: `── Checklist ${progress(items)} (c, Space ticks) ──`, dim: true },
    ...items.map((i) => ({ text: itemLine(i), dim: i.doneAt !== null })),
  ];
}

/** The preview of `macro`: on the ticket shown, or (marked tickets, details still loading) as written. */
export function macroPreview(macro: Macro, subject: MacroSubject | null, me: Me, label: string, width: number): Line[] {
  const changes = describeMacroChanges(macro.changes);
  const head: Line[] = [{ text: sanitizeLine(`${macro.title} → ${label}`), bold: true }];
  if (changes.length) head.push({ text: sanitizeLine(changes.join(' · ')), dim: true });
  let body: string;
  let color: string | undefined;
  try {
    body = subject ? renderMacro(macro, subject, me) : macro.body;
  } catch (error) {
    body = (error as Error).message;
    color = 'red';
  }
  const lines = sanitizeText(body)
    .split('\n')
    .flatMap((l) => wrap(l, Math.max(1, width)));
  return [...head, ...lines.map((text) => ({ text, ...(color ? { color } : {}) }))];
}
