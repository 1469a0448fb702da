/** The requester screen's content (`u`) as styled lines for a width, pure. */
import { formatDay, statusLabel } from '../../domain/asset.js';
import { sanitizeLine } from '../../domain/sanitize.js';
import type { ProfileTicket, RequesterProfile } from '../../store/requester-profile.js';
import type { Line } from './detail-lines.js';
import { ago, priorityLook, statusLook } from './format.js';
import { fit, wrap } from './text.js';

function heading(label: string): Line {
  return { text: `── ${label} ──`, dim: true };
}

function ticketLine(t: ProfileTicket, width: number, now: number): Line {
  const s = statusLook(t.status);
  const p = priorityLook(t.priority);
  const text = `${t.ref.padEnd(9)} ${p.glyph} ${s.glyph} ${s.short.padEnd(8)} ${ago(now - t.created_at).padStart(4)}  ${sanitizeLine(t.title)}`;
  return { text: fit(text, width), color: p.color };
}

export function requesterLines(p: RequesterProfile, width: number, now: number): Line[] {
  const r = p.requester;
  const out: Line[] = [
    { text: fit(`${sanitizeLine(r.name)}${r.vip ? '  ★ VIP' : ''}`, width), bold: true, color: r.vip ? 'yellow' : undefined },
  ];
  const contact = [r.email, ...p.emails, r.phone, r.department, r.location].filter(Boolean).map((x) => sanitizeLine(x));
  if (contact.length) out.push(...wrap(contact.join(' · '), width).map((text) => ({ text })));
  if (r.notes.trim()) {
    out.push(heading('Notes'));
    for (const l of r.notes.split('\n')) out.push(...wrap(sanitizeLine(l), width).map((text) => ({ text, color: 'yellow' })));
  }
  out.push(heading(`Open tickets (${p.open.length})`));
  out.push(...(p.open.length ? p.open.map((t) => ticketLine(t, width, now)) : [{ text: '(none)', dim: true }]));
  out.push(heading(`Assets (${p.assets.length})`));
  if (p.assets.length === 0) out.push({ text: '(none)', dim: true });
  for (const a of p.assets) {
    const warranty = a.warranty_until === null ? '' : `  warranty ${formatDay(a.warranty_until)}${a.warranty_until < now ? ' (over)' : ''}`;
    const host = a.hostname ? `  ${sanitizeLine(a.hostname)}` : '';
    out.push({
      text: fit(
        `${sanitizeLine(a.tag).padEnd(9)} ${a.type.padEnd(8)} ${statusLabel(a.status).padEnd(9)} ${sanitizeLine(a.model)}${host}${warranty}`,
        width,
      ),
    });
  }
  out.push(heading(`Past tickets (${p.pastCount})`));
  out.push(...(p.past.length ? p.past.map((t) => ({ ...ticketLine(t, width, now), dim: true })) : [{ text: '(none)', dim: true }]));
  return out;
}
