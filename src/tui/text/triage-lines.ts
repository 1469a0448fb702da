/**
 * The detail pane's triage section, pure: the suggestions that differ from the ticket (S accepts
 * them), possible duplicates and tickets solved before with their resolutions. Nothing while the
 * lookup runs, nothing when there is nothing to say. Text from the database is sanitised here.
 */
import { sanitizeLine } from '../../domain/sanitize.js';
import type { TicketListRow } from '../../store/ticket-list.js';
import { differing, type DetailTriage } from '../state/triage.js';
import type { Line } from './detail-lines.js';

const percent = (x: number) => `${Math.round(x * 100)}%`;

export function triageLines(triage: DetailTriage | null, row: TicketListRow | undefined): Line[] {
  if (!triage || !row || triage.ticketId !== row.id) return [];
  const out: Line[] = [];
  const offered = differing(triage, row);
  if (offered.length)
    out.push(
      { text: '── Suggested (S accepts) ──', dim: true },
      ...offered.map((s) => ({ text: `${s.field.padEnd(9)}${sanitizeLine(s.value)}  ${percent(s.confidence)}`, color: 'cyan' })),
    );
  const { duplicates, solved } = triage.similar;
  if (duplicates.length) {
    out.push({ text: '── Possible duplicates ──', dim: true });
    for (const t of duplicates)
      out.push({ text: `${t.ref}  ${sanitizeLine(t.title)}${t.sameRequester ? '  (same requester)' : ''}`, color: 'yellow' });
  }
  if (solved.length) {
    out.push({ text: '── Solved before ──', dim: true });
    for (const t of solved.slice(0, 3)) {
      out.push({ text: `${t.ref}  ${sanitizeLine(t.title)}` });
      if (t.resolution) out.push({ text: `  ↳ ${sanitizeLine(t.resolution)}`, dim: true });
    }
  }
  return out;
}
