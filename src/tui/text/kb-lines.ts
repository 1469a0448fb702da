/**
 * KB text for the console, pure: the detail pane's suggested-articles lines, a search snippet cut
 * to a width as plain and highlighted parts, and an article's header lines. Everything from the
 * database is sanitised here.
 */
import { sanitizeLine } from '../../domain/sanitize.js';
import type { KbArticle } from '../../store/kb.js';
import type { Suggestion } from '../../store/kb-links.js';
import type { Line } from './detail-lines.js';
import { width as cells } from './text.js';

export const kbRef = (id: number) => `KB-${id}`;

/** The detail pane's section: up to five suggestions, linked ones marked (✓, and green in colour). */
export function suggestionLines(suggest: { ticketId: number; items: readonly Suggestion[] } | null, ticketId: number): Line[] {
  if (!suggest || suggest.ticketId !== ticketId)
    return [
      { text: '── Suggested articles ──', dim: true },
      { text: 'Looking…', dim: true },
    ];
  if (suggest.items.length === 0) return [{ text: '── Suggested articles: none (K searches the KB) ──', dim: true }];
  return [
    { text: '── Suggested articles (L links) ──', dim: true },
    ...suggest.items.map((it) => ({
      text: `${it.linked ? '✓' : '·'} ${kbRef(it.id)}  ${sanitizeLine(it.title)}${it.linked ? '  (linked)' : ''}`,
      color: it.linked ? 'green' : undefined,
    })),
  ];
}

export interface Part {
  text: string;
  /** A matched word (shown highlighted, or as [word] without colour). */
  hit: boolean;
}

/**
 * A snippet (`«word»` marks matches) as parts, cut to `max` cells with `…`. Without colour the
 * matches carry their brackets, so the cut counts them.
 */
export function snippetParts(snippet: string, max: number, color: boolean): Part[] {
  const raw = sanitizeLine(snippet)
    .split(/(«[^»]*»)/)
    .filter(Boolean);
  const parts = raw.map((p) => {
    const hit = p.startsWith('«') && p.endsWith('»');
    const word = hit ? p.slice(1, -1) : p;
    return { text: hit && !color ? `[${word}]` : word, hit };
  });
  const out: Part[] = [];
  let used = 0;
  for (const p of parts) {
    const w = cells(p.text);
    if (used + w <= max) {
      out.push(p);
      used += w;
      continue;
    }
    let cut = '';
    for (const ch of p.text) {
      if (used + cells(cut + ch) > max - 1) break;
      cut += ch;
    }
    if (cut) out.push({ text: cut, hit: p.hit });
    out.push({ text: '…', hit: false });
    break;
  }
  return out;
}

/** An article's title and what it is: `KB-24 · printer · public · published · printer, jam`. */
export function articleMeta(a: Pick<KbArticle, 'id' | 'category' | 'audience' | 'status' | 'tags' | 'helped_count'>): string {
  const tags = a.tags.length ? ` · ${a.tags.map((t) => sanitizeLine(t)).join(', ')}` : '';
  const helped = a.helped_count ? ` · helped ${a.helped_count}` : '';
  return `${kbRef(a.id)} · ${sanitizeLine(a.category)} · ${a.audience} · ${a.status}${helped}${tags}`;
}
