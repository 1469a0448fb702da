/**
 * KB search on PostgreSQL (store/kb-search-pg.ts via kb-index.ts) against a real server: the same
 * articles as SQLite's FTS5 for the same queries (operators, phrases, accents, apostrophes), the same
 * typo corrections, title matches first, and title coverage for suggestions.
 */
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/schema.js';
import { validateArticle, type RawArticle } from '../../src/domain/kb-article.js';
import { SYSTEM_ACTOR } from '../../src/store/executor.js';
import { insertArticle } from '../../src/store/kb.js';
import { titleCoverage } from '../../src/store/kb-relevance.js';
import { searchKb } from '../../src/store/kb-search.js';
import { tempPgDesk } from '../helpers/pg-desk.js';
import { tempDb } from '../helpers/temp.js';

const ARTICLES: RawArticle[] = [
  { title: "Printer can't print: paper jams", body: "Open tray 2 and remove the stuck paper. Don't pull hard.", tags: 'printer,hardware' },
  { title: 'Connect to the VPN', body: 'Start GlobalProtect and sign in. The Wi-Fi must work first.', tags: ['vpn', 'remote-access'] },
  { title: 'Résumé the café laptop', body: 'Accents: naïve façade. C++ and C# developers need the SDK.', tags: 'laptop' },
  {
    title: 'Outlook profile rebuild',
    body: 'When e-mail stops syncing, create a new profile. The printer is unrelated.',
    tags: 'email,outlook',
  },
  { title: 'Toner low warning', body: 'Order toner from the portal.', tags: 'printer' },
];

const QUERIES = [
  'printer',
  'paper jam',
  'vpn',
  'wi-fi',
  "can't",
  'cant print',
  'cafe',
  'resume',
  'naive',
  'NOT vpn',
  'printer -toner',
  'printer NOT "paper jams"',
  '"paper jams"',
  '"jams paper"',
  'pritner',
  'outlok profile',
  'e-mail',
  'syncing',
  'c++',
  'toner portal',
  'vpn printer',
];

async function write(db: Kysely<DB>): Promise<void> {
  const now = Date.UTC(2026, 10, 25);
  for (const a of ARTICLES)
    await db.transaction().execute((trx) => insertArticle(trx, validateArticle({ ...a, status: 'published' }), SYSTEM_ACTOR, now));
}

const found = async (db: Kysely<DB>, q: string) => {
  const results = await searchKb(db, q, { limit: 10 });
  return { q, slugs: results.map((r) => r.slug).sort(), searched: results[0]?.searched ?? [] };
};

describe('KB search on PostgreSQL', () => {
  it('finds the articles SQLite finds, with the same corrections', async () => {
    const sqlite = (await tempDb()).db;
    const { db: pg } = await tempPgDesk();
    await write(sqlite);
    await write(pg);
    for (const q of QUERIES) expect(await found(pg, q)).toEqual(await found(sqlite, q));
    expect((await found(pg, 'pritner')).searched).toEqual(['printer']);
    expect((await found(pg, 'printer -toner')).slugs).toEqual(['outlook-profile-rebuild', 'printer-cant-print-paper-jams']);
  });

  it('ranks a title match above a body match and gives a snippet', async () => {
    const { db } = await tempPgDesk();
    await write(db);
    const results = await searchKb(db, 'printer', { limit: 10 });
    expect(results.at(-1)!.slug).toBe('outlook-profile-rebuild');
    expect(results[0]!.score).toBeGreaterThan(results.at(-1)!.score);
    const jam = await searchKb(db, 'stuck', { limit: 1 });
    expect(jam[0]!.snippet).toContain('«stuck»');
  });

  it('ranks a title holding every word first and relaxes to any word, finding what SQLite finds', async () => {
    const articles: RawArticle[] = [
      { title: 'Printer offline', body: 'A paper jam can stop it too.', tags: 'hardware' },
      { title: 'Scanner jam', body: 'Clear the feeder.', tags: 'scanner' },
      { title: 'Printer jam in tray 2', body: 'Open the tray.', tags: 'printer' },
      { title: 'Toner low', body: 'Order toner.', tags: 'supplies' },
    ];
    const sqlite = (await tempDb()).db;
    const { db: pg } = await tempPgDesk();
    for (const db of [sqlite, pg]) {
      for (const a of articles)
        await insertArticle(db, validateArticle({ ...a, status: 'published' }), SYSTEM_ACTOR, Date.UTC(2026, 10, 25));
    }
    const order = ['printer-jam-in-tray-2', 'printer-offline', 'scanner-jam'];
    for (const q of ['printer jam', 'pritner jam']) {
      const [onPg, onSqlite] = [await searchKb(pg, q, { limit: 10 }), await searchKb(sqlite, q, { limit: 10 })];
      expect(
        onPg.map((r) => r.slug),
        q,
      ).toEqual(order);
      // SQLite finds the same articles with the same snippets (its bm25 and fuse.js may order the first two either way).
      const bySlug = (results: typeof onPg) => Object.fromEntries(results.map((r) => [r.slug, r.snippet]));
      expect(bySlug(onSqlite), q).toEqual(bySlug(onPg));
      expect(onPg[0]!.searched).toEqual(['printer', 'jam']);
    }
    expect((await searchKb(pg, 'printer jam', { limit: 1 })).map((r) => r.slug)).toEqual(['printer-jam-in-tray-2']);
  });

  it('measures title coverage as SQLite does', async () => {
    const sqlite = (await tempDb()).db;
    const { db: pg } = await tempPgDesk();
    await write(sqlite);
    await write(pg);
    const ids = [1, 2, 3, 4, 5];
    for (const title of ['Toner low', 'Printer paper jam', 'VPN down again'])
      expect(Object.fromEntries(await titleCoverage(pg, title, ids))).toEqual(Object.fromEntries(await titleCoverage(sqlite, title, ids)));
  });
});
