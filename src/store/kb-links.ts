/**
 * The KB beside tickets: which articles helped which tickets (ticket_kb_links, audited on the
 * ticket, counted in `helped_count`), suggestions for a ticket, and a draft article written from
 * a ticket's resolution.
 */
import { withImmediate } from '../db/immediate.js';
import { validateArticle } from '../domain/kb-article.js';
import { formatRef } from '../domain/ticket.js';
import { recordEvent } from './audit.js';
import type { Actor, Executor } from './executor.js';
import { timeline } from './interactions.js';
import { freeSlug, getArticle, insertArticle, type KbArticle } from './kb.js';
import { MIN_COVERAGE, titleCoverage } from './kb-relevance.js';
import { searchKb, type KbSearchResult } from './kb-search.js';
import { getTicket } from './ticket-view.js';

export interface Linked {
  article: KbArticle;
  ticketRef: string;
  /** False when the link already existed (nothing written). */
  created: boolean;
}

/** Records that an article (id or slug) helped a ticket; idempotent. */
export async function linkArticle(
  db: Executor,
  ticketId: number,
  article: number | string,
  actor: Actor,
  now = Date.now(),
): Promise<Linked> {
  return withImmediate(db, async (trx) => {
    const ticket = await getTicket(trx, ticketId);
    const found = await getArticle(trx, article);
    const inserted = await trx
      .insertInto('ticket_kb_links')
      .values({ ticket_id: ticket.id, article_id: found.id, linked_by: actor.name, linked_at: now })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    const created = Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    if (!created) return { article: found, ticketRef: ticket.ref, created };
    await trx
      .updateTable('kb_articles')
      .set((eb) => ({ helped_count: eb('helped_count', '+', 1) }))
      .where('id', '=', found.id)
      .execute();
    await recordEvent(trx, ticket.id, actor, 'kb_link', [{ field: 'kb', old: null, new: found.slug }], now);
    return { article: { ...found, helped_count: found.helped_count + 1 }, ticketRef: ticket.ref, created };
  });
}

export interface LinkedArticle {
  id: number;
  slug: string;
  title: string;
  linked_by: string;
  linked_at: number;
}

/** Articles linked to a ticket, oldest link first. */
export async function linkedArticles(db: Executor, ticketId: number): Promise<LinkedArticle[]> {
  return db
    .selectFrom('ticket_kb_links as l')
    .innerJoin('kb_articles as a', 'a.id', 'l.article_id')
    .select(['a.id', 'a.slug', 'a.title', 'l.linked_by', 'l.linked_at'])
    .where('l.ticket_id', '=', ticketId)
    .orderBy('l.linked_at')
    .orderBy('a.id')
    .execute();
}

export interface Suggestion extends KbSearchResult {
  /** Already linked to this ticket. */
  linked: boolean;
}

/** Published articles that match the ticket's title and tags, best first. */
export async function suggestForTicket(db: Executor, ticketId: number, limit = 5): Promise<Suggestion[]> {
  const ticket = await getTicket(db, ticketId);
  // Title, tags and the description's first words: every word must match, relaxed to any when too few do.
  const words = ticket.description.split(/\s+/).slice(0, 40);
  const results = await searchKb(db, [ticket.title, ...ticket.tags, ...words].join(' '), { limit, operators: false });
  // Only articles about what the title is about (kb-relevance.ts); linked ones always show.
  const linked = new Set((await linkedArticles(db, ticketId)).map((l) => l.id));
  const coverage = await titleCoverage(
    db,
    ticket.title,
    results.map((r) => r.id),
  );
  return results
    .filter((r) => linked.has(r.id) || (coverage.get(r.id) ?? 0) >= MIN_COVERAGE)
    .map((r) => ({ ...r, linked: linked.has(r.id) }));
}

/** A draft, internal article from a ticket: symptoms, resolution, the technicians' notes. */
export async function draftFromTicket(db: Executor, ticketId: number, actor: Actor, now = Date.now()): Promise<KbArticle> {
  return withImmediate(db, async (trx) => {
    const ticket = await getTicket(trx, ticketId);
    const notes = (await timeline(trx, ticketId))
      .filter((i) => i.kind !== 'system' && i.kind !== 'email_in' && i.body.trim())
      .slice(-5)
      .map((i) => `- ${i.body.trim().replace(/\s*\n\s*/g, ' ')}`);
    const body = [
      `> Drafted from ${ticket.ref} on ${new Date(now).toISOString().slice(0, 10)}. Check and edit before publishing.`,
      '',
      '## Symptoms',
      '',
      ticket.description.trim() || ticket.title,
      '',
      '## Resolution',
      '',
      ticket.resolution?.trim() || '_Describe the fix that worked._',
      ...(notes.length ? ['', '## Notes from the ticket', '', ...notes] : []),
    ].join('\n');
    const input = validateArticle(
      { title: ticket.title, body, category: ticket.category, tags: ticket.tags },
      { audience: 'internal', status: 'draft' },
    );
    const slug = await freeSlug(trx, input.slug);
    const article = await insertArticle(trx, { ...input, slug }, actor, now, 'draft', `drafted from ${formatRef(ticket.id)}`);
    await recordEvent(trx, ticket.id, actor, 'kb_draft', [{ field: 'kb', old: null, new: article.slug }], now);
    return article;
  });
}
