/**
 * The detail pane's related tickets, pure: links with their kind (duplicate of, blocked by …), the
 * parent, and the children with their count; the highlighted one when the list has the keys.
 */
import { sanitizeLine } from '../../domain/sanitize.js';
import type { TicketLink } from '../../store/ticket-links.js';
import type { Line } from './detail-lines.js';
import { statusLook } from './format.js';
import { fit } from './text.js';

/** The marker of the highlighted entry (settle.ts scrolls it into view). */
export const RELATED_CURSOR = '▸';

/** Nothing for a ticket with no relations; `cursor` is the highlighted entry while the list is focused. */
export function relatedLines(related: readonly TicketLink[] | null | undefined, cursor: number | null, width: number): Line[] {
  if (!related || related.length === 0) return [];
  const children = related.filter((r) => r.label === 'parent of').length;
  const count = children ? `${related.length}, ${children} child${children === 1 ? '' : 'ren'}` : String(related.length);
  const how = cursor === null ? '⏎ to pick' : 'j/k, ⏎ go, Esc back';
  const out: Line[] = [{ text: fit(`── Related (${count}; ${how}) ──`, width).trimEnd(), dim: true }];
  related.forEach((r, i) => {
    const on = cursor === i;
    const s = statusLook(r.status);
    const text = `${on ? RELATED_CURSOR : ' '} ${r.label.padEnd(13)} ${r.ref} ${s.glyph} ${sanitizeLine(r.title)}`;
    out.push({ text: fit(text, width).trimEnd(), bold: on, color: on ? 'cyan' : undefined, dim: !on && s.dim });
  });
  return out;
}
