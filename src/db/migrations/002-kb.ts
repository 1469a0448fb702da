/**
 * 002: the knowledge base. Frozen once landed.
 *
 * - kb_articles keeps the Markdown as written plus `search_*` copies made by the store
 *   (src/domain/kb-text.ts: NFKC, apostrophes removed so `can't` indexes as `cant`, Markdown
 *   syntax stripped). Case and accents are folded by the tokenizer (`remove_diacritics 2`).
 * - kb_fts is an external-content FTS5 index over those copies (rowid = kb_articles.id), kept in
 *   step by triggers that insert the 'delete' row with the OLD values. Counter updates (views,
 *   helped) touch no indexed column, so they never rewrite the index.
 * - The default rank weights title 10, tags 4, body 1.
 * - kb_title_fts indexes title and tags alone, the same way: ranking the few articles whose title
 *   matches costs far less than ranking every article whose body does (search tries it first).
 *   FTS5 reads whole position lists, so a column filter on kb_fts would not save that work.
 * - kb_revisions: one row per change, with the title and body as they were before it.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE kb_articles (
      id INTEGER PRIMARY KEY,
      slug TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL,
      body TEXT NOT NULL DEFAULT '',
      category TEXT NOT NULL DEFAULT 'general',
      tags TEXT NOT NULL DEFAULT '',
      audience TEXT NOT NULL DEFAULT 'internal' CHECK (audience IN ('internal', 'public')),
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
      author_id INTEGER REFERENCES technicians (id) ON DELETE SET NULL,
      author_name TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      view_count INTEGER NOT NULL DEFAULT 0,
      helped_count INTEGER NOT NULL DEFAULT 0,
      version INTEGER NOT NULL DEFAULT 1,
      search_title TEXT NOT NULL DEFAULT '',
      search_tags TEXT NOT NULL DEFAULT '',
      search_body TEXT NOT NULL DEFAULT ''
    )`.execute(db);
  await sql`CREATE INDEX kb_articles_category ON kb_articles (category, id)`.execute(db);
  await sql`CREATE INDEX kb_articles_updated ON kb_articles (updated_at, id)`.execute(db);

  await sql`
    CREATE VIRTUAL TABLE kb_fts USING fts5(
      search_title, search_tags, search_body,
      content = 'kb_articles', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    )`.execute(db);
  await sql`INSERT INTO kb_fts (kb_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)')`.execute(db);
  await sql`
    CREATE VIRTUAL TABLE kb_title_fts USING fts5(
      search_title, search_tags,
      content = 'kb_articles', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    )`.execute(db);
  await sql`INSERT INTO kb_title_fts (kb_title_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0)')`.execute(db);

  const insertNew = `
      INSERT INTO kb_fts (rowid, search_title, search_tags, search_body)
      VALUES (new.id, new.search_title, new.search_tags, new.search_body);
      INSERT INTO kb_title_fts (rowid, search_title, search_tags) VALUES (new.id, new.search_title, new.search_tags);`;
  const deleteOld = `
      INSERT INTO kb_fts (kb_fts, rowid, search_title, search_tags, search_body)
      VALUES ('delete', old.id, old.search_title, old.search_tags, old.search_body);
      INSERT INTO kb_title_fts (kb_title_fts, rowid, search_title, search_tags)
      VALUES ('delete', old.id, old.search_title, old.search_tags);`;
  await sql.raw(`CREATE TRIGGER kb_articles_fts_insert AFTER INSERT ON kb_articles BEGIN ${insertNew} END`).execute(db);
  await sql.raw(`CREATE TRIGGER kb_articles_fts_delete AFTER DELETE ON kb_articles BEGIN ${deleteOld} END`).execute(db);
  await sql
    .raw(
      `CREATE TRIGGER kb_articles_fts_update AFTER UPDATE OF id, search_title, search_tags, search_body ON kb_articles
    BEGIN ${deleteOld} ${insertNew} END`,
    )
    .execute(db);

  await sql`
    CREATE TABLE kb_revisions (
      id INTEGER PRIMARY KEY,
      article_id INTEGER NOT NULL REFERENCES kb_articles (id) ON DELETE CASCADE,
      version INTEGER NOT NULL,
      action TEXT NOT NULL,
      actor TEXT NOT NULL,
      at INTEGER NOT NULL,
      old_title TEXT,
      old_body TEXT,
      note TEXT
    )`.execute(db);
  await sql`CREATE INDEX kb_revisions_article ON kb_revisions (article_id, id)`.execute(db);

  await sql`
    CREATE TABLE ticket_kb_links (
      ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
      article_id INTEGER NOT NULL REFERENCES kb_articles (id) ON DELETE CASCADE,
      linked_by TEXT NOT NULL,
      linked_at INTEGER NOT NULL,
      PRIMARY KEY (ticket_id, article_id)
    ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX ticket_kb_links_article ON ticket_kb_links (article_id, ticket_id)`.execute(db);
}
