/**
 * 005: the audit trail as a hash chain (src/domain/audit-chain.ts explains it). Adds `digest` and
 * `chain` to audit_events and fills them for every existing event, in id order, so `db check` can
 * tell later edits from the history as it was on upgrade. Frozen once landed: the hashing below is a
 * copy of the domain's as it was (a migration never imports live code); test/db/audit-chain.test.ts
 * checks that the two agree.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

interface Row {
  id: number;
  ticket_id: number | null;
  actor: string;
  at: number;
  action: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
}

/** SHA-256, its first 128 bits as 32 hex digits. */
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);
const asStored = (v: string | null) => (typeof v === 'string' && /[\uD800-\uDFFF]/.test(v) ? Buffer.from(v, 'utf8').toString('utf8') : v);
const digestOf = (e: Row) =>
  sha(
    JSON.stringify([
      e.ticket_id,
      asStored(e.actor),
      e.at,
      asStored(e.action),
      asStored(e.field),
      asStored(e.old_value),
      asStored(e.new_value),
    ]),
  );

/** Events read per step (a 1M-event desk is never in memory at once) and written per statement. */
const READ = 5_000;
const WRITE = 500;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_events ADD COLUMN digest TEXT`.execute(db);
  await sql`ALTER TABLE audit_events ADD COLUMN chain TEXT`.execute(db);
  await sql`CREATE TEMP TABLE audit_chain_fill (id INTEGER PRIMARY KEY, digest TEXT NOT NULL, chain TEXT NOT NULL)`.execute(db);
  let chain = '';
  let lastId = 0;
  for (;;) {
    const rows = (
      await sql<Row>`SELECT id, ticket_id, actor, at, action, field, old_value, new_value
        FROM audit_events WHERE id > ${lastId} ORDER BY id LIMIT ${READ}`.execute(db)
    ).rows;
    if (rows.length === 0) break;
    const filled = rows.map((row) => {
      const digest = digestOf(row);
      chain = sha(chain + digest);
      return sql`(${row.id}, ${digest}, ${chain})`;
    });
    for (let i = 0; i < filled.length; i += WRITE) {
      await sql`INSERT INTO audit_chain_fill (id, digest, chain) VALUES ${sql.join(filled.slice(i, i + WRITE))}`.execute(db);
    }
    lastId = rows[rows.length - 1]!.id;
  }
  await sql`UPDATE audit_events SET digest = f.digest, chain = f.chain FROM audit_chain_fill AS f WHERE f.id = audit_events.id`.execute(db);
  await sql`DROP TABLE temp.audit_chain_fill`.execute(db);
}
