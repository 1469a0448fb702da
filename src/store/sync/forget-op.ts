/**
 * `requester forget` travels as an operation (./ops.ts `forget`), as a redaction does (./redact-op.ts):
 * the server records it when its owner forgets someone, and each replica forgets them at its next pull
 * (the same work, ../requester-forget.ts: fields blanked, texts cut, their emails and those emails'
 * files gone, the audit trail scrubbed). A replica does not forget by itself (../redaction.ts refuses).
 * The operation names the person by their email's SHA-256, never by the address, and belongs to no
 * ticket (ticket 0). The sync tables' own copies of their texts (the server's log, a replica's outbox)
 * are scrubbed too, so no later pull hands them out.
 */
import { sql } from 'kysely';
import { dialectOf } from '../../db/dialect.js';
import { sha256 } from '../attachment-files.js';
import { needleScrub } from '../audit-redaction.js';
import type { Actor, Executor } from '../executor.js';
import { FORGOTTEN, REDACTED } from '../redaction-marks.js';
import { forgetWork, type Forgotten } from '../requester-forget.js';
import { dropLocalBytes } from './blob-transfer.js';
import type { ForgetBody } from './ops.js';
import { recordOps } from './record.js';
import { syncRoleOf } from './role.js';

const emailHash = (email: string) => sha256(Buffer.from(email.trim().toLowerCase()));

/** Records a requester forgotten here for the replicas (nothing outside sync). */
export async function recordForget(trx: Executor, email: string, done: Forgotten, reason: string, actor: Actor, now: number) {
  if (!syncRoleOf(trx)) return;
  const body: ForgetBody = { email_sha256: emailHash(email), reason, by: actor.name, at: now };
  await recordOps(trx, [{ ticketId: 0, op: { kind: 'forget', body } }], now);
  await scrubLogged(trx, done);
}

/** Forgets, on this desk, the requester a forget made elsewhere names (nothing when no one here has that email). */
export async function applyForget(trx: Executor, body: ForgetBody): Promise<void> {
  const people = await trx.selectFrom('requesters').selectAll().where('email', 'is not', null).execute();
  const who = people.find((p) => emailHash(p.email!) === body.email_sha256);
  if (!who) return;
  const sqlite = dialectOf(trx) === 'sqlite';
  if (sqlite) await sql`PRAGMA secure_delete = ON`.execute(trx);
  const doomed: string[] = [];
  const done = await forgetWork(trx, who, body.reason, { id: null, name: body.by }, body.at, doomed);
  await scrubLogged(trx, done);
  await dropLocalBytes(trx, doomed);
  if (sqlite) {
    // As ../redaction-sqlite.ts does: the search indexes keep no removed word in their segments.
    await sql`INSERT INTO ticket_fts (ticket_fts) VALUES ('optimize')`.execute(trx);
    await sql`INSERT INTO ticket_text_fts (ticket_text_fts) VALUES ('optimize')`.execute(trx);
    await sql`DELETE FROM ticket_word_docs WHERE term NOT IN (SELECT term FROM ticket_text_vocab)`.execute(trx);
  }
}

/** Their texts in this desk's sync table (the server's log; a replica's outbox): cut, their emails whole, the person blanked. */
async function scrubLogged(trx: Executor, done: Forgotten): Promise<void> {
  const role = syncRoleOf(trx);
  if (!role || done.ticketIds.length === 0) return;
  const table = role.kind === 'server' ? 'sync_ops' : 'sync_outbox';
  const scrub = needleScrub(done.needles, REDACTED);
  const deep = (v: unknown): unknown =>
    typeof v === 'string'
      ? scrub(v, null)
      : Array.isArray(v)
        ? v.map(deep)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x)]))
          : v;
  const rows = await trx
    .selectFrom(table)
    .select(['op_id', 'kind', 'payload'])
    .where('ticket_id', 'in', done.ticketIds)
    .where('kind', 'in', ['interaction', 'set', 'create', 'attachment'])
    .execute();
  for (const row of rows) {
    const payload = deep(JSON.parse(row.payload)) as Record<string, unknown>;
    if (row.kind === 'interaction' && payload.kind === 'email_in') payload.body = REDACTED;
    if (row.kind === 'create') {
      payload.requester = null;
      payload.requester_person = { name: FORGOTTEN, email: null, phone: null, department: null };
    }
    const next = JSON.stringify(payload);
    if (next !== row.payload) await trx.updateTable(table).set({ payload: next }).where('op_id', '=', row.op_id).execute();
  }
}
