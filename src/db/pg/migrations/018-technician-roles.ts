/**
 * 018 on PostgreSQL: the twin of SQLite's 018-technician-roles, and what makes it count on a server:
 * who acts is the login role (`session_user`), mapped to a technician, decided by the database.
 * Frozen once landed.
 *
 * - deskline_acting(): the session's technician (id, name) through technician_roles, and whether the
 *   session owns the desk (a member of the role owning audit_events: the one that ran `db init`, or a
 *   superuser). The owner holds every right over the tables anyway: its rows are kept as its client
 *   wrote them (the actor from settings, as on SQLite) unless it is mapped as well.
 * - audit_events: BEFORE INSERT, a mapped session's actor is overwritten with its technician's name,
 *   whatever the client sent, and the row's digest and chain are computed here (the same hashes as
 *   src/domain/audit-chain.ts: SHA-256 of the JSON array of the content, 32 hex digits), after the
 *   desk's write lock (src/db/immediate.ts, 'DSKW') so appends cannot fork the chain; an id handed
 *   out before the lock and overtaken while waiting is replaced by a fresh one. A session neither
 *   mapped nor owning the desk is refused with SQLSTATE 42DL1 and a line naming the command to run.
 * - interactions: a mapped session's entries are its technician's (author_id and name), except a
 *   requester's mail and system entries, which have no technician author; an update keeps the author.
 * - the other signatures (SIGNED: KB revisions and links, asset links and owners, identity checks,
 *   checklist ticks) carry the mapped technician's name, and id where there is a column for it.
 *   Attachments keep `added_by` as written: mail intake records the sender there.
 * The functions run as the desk's owner (SECURITY DEFINER, fixed search_path): a technician needs no
 *   rights on technician_roles to be identified, and cannot shadow the tables they read.
 */
import type { Kysely } from 'kysely';
import { runAll } from './baseline/run.js';

const WRITE_LOCK = 1146309463; // 'DSKW', as src/db/immediate.ts (frozen here)
const SECURE = 'SECURITY DEFINER SET search_path = public, pg_temp';

const UNMAPPED = `RAISE EXCEPTION USING ERRCODE = '42DL1', MESSAGE = format(
  'login role %s is not a technician of this desk: the desk''s owner runs ''deskline technician add NAME -e EMAIL --role %s''',
  session_user, session_user)`;

const json = (v: string) => `coalesce(to_json(${v})::text, 'null')`;
const hex = (text: string) => `left(encode(sha256(convert_to(${text}, 'UTF8')), 'hex'), 32)`;

/** Who signed what, besides the trail and the timeline: [table, [name column, id column?], events]. */
const SIGNED: readonly [string, readonly string[], string][] = [
  ['kb_revisions', ['actor'], 'INSERT'],
  ['ticket_kb_links', ['linked_by'], 'INSERT'],
  ['ticket_assets', ['linked_by'], 'INSERT'],
  ['asset_owners', ['actor'], 'INSERT'],
  ['identity_verifications', ['verified_by', 'verifier_id'], 'INSERT'],
  ['ticket_checklist_items', ['done_by'], 'INSERT OR UPDATE OF done_by'],
];

const STATEMENTS = [
  `CREATE TABLE technician_roles (
    role text PRIMARY KEY, technician_id bigint NOT NULL REFERENCES technicians (id), created_at bigint NOT NULL)`,
  `CREATE UNIQUE INDEX technician_roles_technician ON technician_roles (technician_id)`,
  // plpgsql, so its plans are kept for the session (a SECURITY DEFINER SQL function is planned at every call).
  `CREATE FUNCTION deskline_acting(OUT id bigint, OUT name text, OUT owner boolean) LANGUAGE plpgsql STABLE ${SECURE} AS $$
    BEGIN
      SELECT t.id, t.name INTO id, name FROM technician_roles AS r JOIN technicians AS t ON t.id = r.technician_id
        WHERE r.role = session_user;
      owner := pg_has_role(session_user, (SELECT c.relowner FROM pg_class AS c WHERE c.oid = 'public.audit_events'::regclass), 'MEMBER');
    END $$`,
  `CREATE FUNCTION deskline_audit_digest(ticket bigint, actor text, at bigint, action text, field text, old_value text, new_value text)
    RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT ${hex(
      `'[' || coalesce(ticket::text, 'null') || ',' || ${json('actor')} || ',' || at::text || ',' || ${json('action')} || ',' ||
      ${json('field')} || ',' || ${json('old_value')} || ',' || ${json('new_value')} || ']'`,
    )} $$`,
  `CREATE FUNCTION audit_events_acting() RETURNS trigger LANGUAGE plpgsql ${SECURE} AS $$
    DECLARE who record; previous text;
    BEGIN
      SELECT * INTO who FROM deskline_acting();
      IF who.id IS NULL THEN
        IF who.owner THEN RETURN NEW; END IF;
        ${UNMAPPED};
      END IF;
      NEW.actor := who.name;
      PERFORM pg_advisory_xact_lock(${WRITE_LOCK});
      IF (SELECT max(a.id) FROM audit_events AS a) >= NEW.id THEN
        NEW.id := nextval(pg_get_serial_sequence('audit_events', 'id'));
      END IF;
      SELECT chain INTO previous FROM audit_events WHERE chain IS NOT NULL ORDER BY id DESC LIMIT 1;
      NEW.digest := deskline_audit_digest(NEW.ticket_id, NEW.actor, NEW.at, NEW.action, NEW.field, NEW.old_value, NEW.new_value);
      NEW.chain := ${hex(`coalesce(previous, '') || NEW.digest`)};
      RETURN NEW;
    END $$`,
  `CREATE TRIGGER audit_events_acting BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_acting()`,
  `CREATE FUNCTION interactions_acting() RETURNS trigger LANGUAGE plpgsql ${SECURE} AS $$
    DECLARE who record;
    BEGIN
      SELECT * INTO who FROM deskline_acting();
      IF who.id IS NULL THEN
        IF who.owner THEN RETURN NEW; END IF;
        ${UNMAPPED};
      END IF;
      IF TG_OP = 'UPDATE' THEN
        NEW.author_id := OLD.author_id;
        IF OLD.author_id IS NOT NULL THEN NEW.author_name := OLD.author_name; END IF;
      ELSIF NEW.kind IN ('email_in', 'system') THEN
        NEW.author_id := NULL;
      ELSE
        NEW.author_id := who.id;
        NEW.author_name := who.name;
      END IF;
      RETURN NEW;
    END $$`,
  `CREATE TRIGGER interactions_acting BEFORE INSERT OR UPDATE ON interactions FOR EACH ROW EXECUTE FUNCTION interactions_acting()`,
  // The other signatures a technician leaves (TG_ARGV: the name column, then the technician id column if any).
  `CREATE FUNCTION deskline_sign() RETURNS trigger LANGUAGE plpgsql ${SECURE} AS $$
    DECLARE who record; signed jsonb;
    BEGIN
      SELECT * INTO who FROM deskline_acting();
      IF who.id IS NULL THEN
        IF who.owner THEN RETURN NEW; END IF;
        ${UNMAPPED};
      END IF;
      IF to_jsonb(NEW) ->> TG_ARGV[0] IS NULL THEN RETURN NEW; END IF;
      signed := jsonb_build_object(TG_ARGV[0], who.name);
      IF TG_NARGS > 1 THEN signed := signed || jsonb_build_object(TG_ARGV[1], who.id); END IF;
      RETURN jsonb_populate_record(NEW, signed);
    END $$`,
  ...SIGNED.map(
    ([table, columns, on]) =>
      `CREATE TRIGGER ${table}_acting BEFORE ${on} ON ${table} FOR EACH ROW EXECUTE FUNCTION deskline_sign(${columns.map((c) => `'${c}'`).join(', ')})`,
  ),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runAll(db, STATEMENTS);
}
