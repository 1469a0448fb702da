/**
 * 015: KB articles remember where they came from. Frozen once landed.
 *
 * - kb_articles.external_id: the id an article has in the system it was imported from
 *   (`confluence:<page id>` for a Confluence space export), so importing the same export again
 *   updates its articles even when a page was renamed. NULL for articles written here or imported
 *   from Markdown files (those match on slug). Unique where set.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE kb_articles ADD COLUMN external_id TEXT`.execute(db);
  await sql`CREATE UNIQUE INDEX kb_articles_external_id ON kb_articles (external_id) WHERE external_id IS NOT NULL`.execute(db);
}
