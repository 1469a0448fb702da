/**
 * Free text on PostgreSQL, in place of SQLite's FTS5 tables (006 ticket_fts, 014 ticket_text_fts,
 * 002 kb_fts/kb_title_fts) and the fuse.js fallback:
 * - ticket_search: one weighted tsvector per ticket (title A, description B, the text of its timeline
 *   but system events C), in the `deskline` configuration over apostrophe-free text. A generated
 *   column cannot read interactions, so triggers keep it, whoever writes: a ticket inserted or its
 *   title/description changed, an interaction added, edited (redacted), moved (merged) or deleted.
 *   The row goes with its ticket (ON DELETE CASCADE).
 * - ticket_words: the words ever indexed (three letters or more, not digits only), with a trigram
 *   index: the typo fallback looks candidates up here (`prnter` % `printer`). Words are only added;
 *   one whose tickets are gone finds nothing and is not offered.
 * - kb_articles.search_doc: title A, tags B, body C, generated from the search_* copies the store
 *   writes; a trigram index over title and tags for KB typos.
 */
const doc = (text: string, weight: 'A' | 'B' | 'C') => `setweight(to_tsvector('deskline', deskline_plain(${text})), '${weight}')`;
const NOTES = `coalesce((SELECT string_agg(body, ' ' ORDER BY id) FROM interactions
      WHERE ticket_id = t.id AND kind <> 'system'), '')`;

const REFRESH = `CREATE FUNCTION ticket_search_refresh(ticket bigint) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE indexed tsvector;
  BEGIN
    SELECT ${doc('t.title', 'A')} || ${doc('t.description', 'B')} || ${doc(NOTES, 'C')} INTO indexed
      FROM tickets AS t WHERE t.id = ticket;
    IF NOT FOUND THEN RETURN; END IF;
    INSERT INTO ticket_search (ticket_id, doc) VALUES (ticket, indexed)
      ON CONFLICT (ticket_id) DO UPDATE SET doc = excluded.doc;
    INSERT INTO ticket_words (word)
      SELECT w FROM unnest(tsvector_to_array(indexed)) AS w WHERE length(w) >= 3 AND w !~ '^[0-9]+$' ORDER BY w
      ON CONFLICT DO NOTHING;
  END $$`;

const trigger = (name: string, body: string) =>
  `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} RETURN NULL; END $$`;

export const SEARCH: readonly string[] = [
  `CREATE TABLE ticket_search (
    ticket_id bigint PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE, doc tsvector NOT NULL)`,
  `CREATE INDEX ticket_search_doc ON ticket_search USING gin (doc)`,
  `CREATE TABLE ticket_words (word text PRIMARY KEY)`,
  `CREATE INDEX ticket_words_trgm ON ticket_words USING gin (word gin_trgm_ops)`,
  REFRESH,
  trigger('tickets_search_index', `PERFORM ticket_search_refresh(NEW.id);`),
  `CREATE TRIGGER tickets_search_insert AFTER INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION tickets_search_index()`,
  `CREATE TRIGGER tickets_search_update AFTER UPDATE OF id, title, description ON tickets
    FOR EACH ROW EXECUTE FUNCTION tickets_search_index()`,
  trigger(
    'interactions_search_index',
    `IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM ticket_search_refresh(OLD.ticket_id); END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.ticket_id <> OLD.ticket_id) THEN
      PERFORM ticket_search_refresh(NEW.ticket_id);
    END IF;`,
  ),
  `CREATE TRIGGER interactions_search_insert AFTER INSERT ON interactions FOR EACH ROW EXECUTE FUNCTION interactions_search_index()`,
  `CREATE TRIGGER interactions_search_update AFTER UPDATE OF ticket_id, kind, body ON interactions
    FOR EACH ROW EXECUTE FUNCTION interactions_search_index()`,
  `CREATE TRIGGER interactions_search_delete AFTER DELETE ON interactions FOR EACH ROW EXECUTE FUNCTION interactions_search_index()`,
  `ALTER TABLE kb_articles ADD COLUMN search_doc tsvector NOT NULL GENERATED ALWAYS AS
    (${doc('search_title', 'A')} || ${doc('search_tags', 'B')} || ${doc('search_body', 'C')}) STORED`,
  `CREATE INDEX kb_articles_search ON kb_articles USING gin (search_doc)`,
  `CREATE INDEX kb_articles_words_trgm ON kb_articles USING gin ((search_title || ' ' || search_tags) gin_trgm_ops)`,
];
