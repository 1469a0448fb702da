/**
 * KB store: revisions on every change, compare-and-set, slug-matched upserts, ticket links (audited,
 * counted, idempotent), suggestions for a ticket and drafts written from a resolved ticket.
 */
import { describe, expect, it } from 'vitest';
import { validateArticle } from '../../src/domain/kb-article.js';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { ticketHistory } from '../../src/store/audit.js';
import { addInteraction } from '../../src/store/interactions.js';
import { updateArticle } from '../../src/store/kb-edit.js';
import { articleRevisions, createArticle, getArticle } from '../../src/store/kb.js';
import { loadStarterKb } from '../../src/io/kb-import.js';
import { upsertArticles } from '../../src/store/kb-upsert.js';
import { draftFromTicket, linkArticle, linkedArticles, suggestForTicket } from '../../src/store/kb-links.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { createTicket } from '../../src/store/tickets.js';
import { sql } from 'kysely';
import { countOf, rowsOf } from '../helpers/db-rows.js';
import { tempDb } from '../helpers/temp.js';

const ME = { name: 'Sam Okafor', email: 'sam@example.com', tier: 'L2' };

describe('KB articles', () => {
  it('stores the previous title and body as a revision on every edit, and refuses stale versions', async () => {
    const { db } = await tempDb();
    const actor = await ensureTechnician(db, ME);
    const a = await createArticle(db, validateArticle({ title: 'Map a drive', body: 'v1 text', tags: 'drives' }), actor);
    expect(a).toMatchObject({ slug: 'map-a-drive', version: 1, author: 'Sam Okafor', status: 'published', audience: 'internal' });
    const b = await updateArticle(db, a.id, { body: 'v2 text', tags: ['drives', 'access'] }, actor, { expectedVersion: 1 });
    expect(b.version).toBe(2);
    const same = await updateArticle(db, a.id, { body: 'v2 text' }, actor);
    expect(same.version).toBe(2);
    await expect(updateArticle(db, a.id, { body: 'v3' }, actor, { expectedVersion: 1 })).rejects.toMatchObject({ exitCode: 3 });
    const revisions = await articleRevisions(db, a.id);
    expect(revisions.map((r) => [r.version, r.action, r.actor, r.old_body, r.note])).toEqual([
      [1, 'create', 'Sam Okafor', null, null],
      [2, 'edit', 'Sam Okafor', 'v1 text', 'body; tags drives → drives,access'],
    ]);
    const again = await createArticle(db, validateArticle({ title: 'Map a drive', body: 'other' }), actor);
    expect(again.slug).toBe('map-a-drive-2');
    expect((await getArticle(db, 'KB-1')).title).toBe('Map a drive');
    await expect(getArticle(db, 'nope')).rejects.toMatchObject({ exitCode: 2 });
  });

  it('upserts by slug: created, updated or unchanged, all in one transaction', async () => {
    const { db } = await tempDb();
    const a = validateArticle({ slug: 'vpn', title: 'VPN', body: 'one' });
    const b = validateArticle({ slug: 'wifi', title: 'Wi-Fi', body: 'two' });
    expect(await upsertArticles(db, [a, b], { id: null, name: 'importer' })).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const again = await upsertArticles(db, [a, { ...b, body: 'two, fixed' }], { id: null, name: 'importer' });
    expect(again).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const broken = { ...a, body: 'new', audience: 'everyone' as never };
    await expect(upsertArticles(db, [validateArticle({ slug: 'new', title: 'New' }), broken], { id: null, name: 'x' })).rejects.toThrow();
    expect(await rowsOf(db, sql`SELECT slug, body FROM kb_articles ORDER BY slug`)).toEqual([
      { slug: 'vpn', body: 'one' },
      { slug: 'wifi', body: 'two, fixed' },
    ]);
  });

  it('loads the starter articles once, and again without duplicates', async () => {
    const { db } = await tempDb();
    const first = await loadStarterKb(db);
    expect(first.created).toBeGreaterThanOrEqual(30);
    const second = await loadStarterKb(db);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: first.created });
    expect(await countOf(db, 'kb_articles', sql`status = 'published'`)).toBe(first.created);
  });
});

describe('KB and tickets', () => {
  async function deskWithTicket() {
    const desk = await tempDb();
    const actor = await ensureTechnician(desk.db, ME);
    await loadStarterKb(desk.db);
    const { ticket } = await createTicket(
      desk.db,
      validateTicketInput({ title: 'Printer jams on 4th floor', tags: ['printer'], category: 'printer' }),
      actor,
    );
    return { ...desk, actor, ticket };
  }

  it('links an article to a ticket once, counts it as helped and audits it on the ticket', async () => {
    const { db, actor, ticket } = await deskWithTicket();
    const first = await linkArticle(db, ticket.id, 'printer-jams', actor);
    expect(first).toMatchObject({ created: true, ticketRef: 'HD-1', article: { slug: 'printer-jams', helped_count: 1 } });
    const again = await linkArticle(db, ticket.id, first.article.id, actor);
    expect(again.created).toBe(false);
    expect((await getArticle(db, 'printer-jams')).helped_count).toBe(1);
    expect((await linkedArticles(db, ticket.id)).map((l) => [l.slug, l.linked_by])).toEqual([['printer-jams', 'Sam Okafor']]);
    const audit = (await ticketHistory(db, ticket.id)).filter((e) => e.action === 'kb_link');
    expect(audit.map((e) => [e.actor, e.field, e.new_value])).toEqual([['Sam Okafor', 'kb', 'printer-jams']]);
    await expect(linkArticle(db, 999, 'printer-jams', actor)).rejects.toMatchObject({ exitCode: 2 });
    await expect(linkArticle(db, ticket.id, 'no-such-article', actor)).rejects.toMatchObject({ exitCode: 2 });
  });

  it('suggests articles for a ticket, flagging those already linked', async () => {
    const { db, actor, ticket } = await deskWithTicket();
    await linkArticle(db, ticket.id, 'printer-jams', actor);
    const suggestions = await suggestForTicket(db, ticket.id);
    expect(suggestions.length).toBeLessThanOrEqual(5);
    expect(suggestions[0]).toMatchObject({ slug: 'printer-jams', linked: true });
    expect(suggestions.filter((s) => s.linked)).toHaveLength(1);
    expect(suggestions[0]!.snippet).toMatch(/«/);
  });

  it('suggests from the description when the title says little', async () => {
    const { db, actor } = await deskWithTicket();
    const { ticket } = await createTicket(
      db,
      validateTicketInput({ title: 'Help please', description: 'Outlook is not syncing my mailbox since this morning' }),
      actor,
    );
    const slugs = (await suggestForTicket(db, ticket.id)).map((s) => s.slug);
    expect(slugs).toContain('outlook-not-syncing');
  });

  it('drafts an internal article from a ticket and audits it on the ticket', async () => {
    const { db, actor, ticket } = await deskWithTicket();
    await addInteraction(db, ticket.id, { kind: 'note', body: 'Worn pickup roller in tray 3.' }, actor);
    const draft = await draftFromTicket(db, ticket.id, actor);
    expect(draft).toMatchObject({
      status: 'draft',
      audience: 'internal',
      category: 'printer',
      tags: ['printer'],
      title: 'Printer jams on 4th floor',
    });
    expect(draft.body).toContain('Drafted from HD-1');
    expect(draft.body).toContain('- Worn pickup roller in tray 3.');
    expect((await articleRevisions(db, draft.id))[0]).toMatchObject({ action: 'draft', note: 'drafted from HD-1' });
    expect((await ticketHistory(db, ticket.id)).some((e) => e.action === 'kb_draft' && e.new_value === draft.slug)).toBe(true);
    expect((await suggestForTicket(db, ticket.id)).some((s) => s.id === draft.id)).toBe(false);
  });
});
