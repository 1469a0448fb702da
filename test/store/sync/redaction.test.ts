/**
 * A redaction travels (issue 22): a timeline entry redacted on the server loses its text on every
 * replica at its next pull, with the audit trail scrubbed and `db check` clean, and
 * the sync log keeps no copy that a later pull would hand out.
 */
import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../../src/domain/ticket-input.js';
import { withImmediate } from '../../../src/db/immediate.js';
import { entryScrub, scrubAuditEvents } from '../../../src/store/audit-redaction.js';
import { checkDesk } from '../../../src/store/desk-maintenance.js';
import type { Actor } from '../../../src/store/executor.js';
import { recordRedaction } from '../../../src/store/sync/redact-op.js';
import type { Desk } from '../../../src/store/desk.js';
import { addInteraction, timeline } from '../../../src/store/interactions.js';
import { redactInteraction } from '../../../src/store/redaction.js';
import { syncNow } from '../../../src/store/sync/replica.js';
import { ensureTechnician } from '../../../src/store/technicians.js';
import { createTicket } from '../../../src/store/tickets.js';
import { replicaOf, serverDesk } from '../../helpers/sync-desks.js';

const SAM = { name: 'Sam Ito', email: 'sam@example.com', tier: 'L1' };
const SECRET = 'Quaggly4419Passport';
const LATER = 'Zorbatt7788Licence';

/** Words the replica's ticket index holds (its segments, not only its live rows: 'optimize' leaves none of a removed text). */
async function indexedWords(desk: Desk): Promise<string[]> {
  const rows = await sql<{ term: string }>`SELECT term FROM ticket_fts_vocab`.execute(desk.db);
  return rows.rows.map((r) => r.term);
}

async function bodies(desk: Desk, id: number) {
  return (await timeline(desk.db, id)).map((i) => i.body);
}

async function trailHolding(desk: Desk, text: string): Promise<number> {
  const rows = await desk.db.selectFrom('audit_events').select(['old_value', 'new_value']).execute();
  return rows.filter((r) => `${r.old_value ?? ''}${r.new_value ?? ''}`.includes(text)).length;
}

/**
 * What `ticket redact` does on a server desk, in the parts sync depends on (the entry, the trail and the
 * operation with the log scrubbed): the whole of it on PostgreSQL comes with store/redaction-pg.ts (branch pg-fixes).
 */
async function redactOnServer(server: Desk, ticketId: number, text: string, actor: Actor) {
  await withImmediate(server.db, async (trx) => {
    const entry = await trx.selectFrom('interactions').select(['id', 'body']).where('body', '=', text).executeTakeFirstOrThrow();
    await trx.updateTable('interactions').set({ body: '[redacted]' }).where('id', '=', entry.id).execute();
    await scrubAuditEvents(trx, { ticketIds: [ticketId] }, entryScrub(entry.body, '[redacted]'), actor, Date.now());
    const position = (await timeline(trx, ticketId)).findIndex((e) => e.id === entry.id) + 1;
    const what = { interaction_id: entry.id, requester_id: null, what: `timeline entry ${position}` };
    await trx
      .insertInto('redactions')
      .values({ ticket_id: ticketId, ...what, reason: 'personal data', actor: actor.name, at: Date.now() })
      .execute();
    await recordRedaction(trx, ticketId, entry, 'personal data', actor, Date.now());
  });
}

describe('sync: redaction', () => {
  it('removes an entry redacted on the server from every replica at its next pull; db check stays clean', async () => {
    const server = await serverDesk();
    const boss = await ensureTechnician(server.db, SAM);
    const { ticket } = await createTicket(server.db, validateTicketInput({ title: 'Locked out' }), boss);
    await addInteraction(server.db, ticket.id, { kind: 'note', body: `Checked passport ${SECRET}` }, boss);
    await addInteraction(server.db, ticket.id, { kind: 'note', body: 'Unlocked the account' }, boss);
    const a = await replicaOf(server);
    const b = await replicaOf(server);
    const sam = await ensureTechnician(a.desk.db, SAM);
    expect(await bodies(b.desk, ticket.id)).toContain(`Checked passport ${SECRET}`);
    expect(await indexedWords(b.desk)).toContain(SECRET.toLowerCase());
    // A replica does not redact: the server does (on a team desk only its owner may rewrite the trail).
    await expect(redactInteraction(a.desk, ticket.id, 1, 'personal data', sam)).rejects.toThrow(
      /this desk is a replica: redact on the team's server/,
    );

    // A note made on A and pushed; B has not pulled it when the server redacts it and the first one.
    await addInteraction(a.desk.db, ticket.id, { kind: 'note', body: `Licence ${LATER}` }, sam);
    await syncNow(a.desk.db, server.db);
    await redactOnServer(server, ticket.id, `Checked passport ${SECRET}`, boss);
    await redactOnServer(server, ticket.id, `Licence ${LATER}`, boss);
    // The log a later pull reads holds neither text.
    const logged = await server.db.selectFrom('sync_ops').select('payload').execute();
    expect(logged.filter((r) => r.payload.includes(SECRET) || r.payload.includes(LATER))).toEqual([]);
    await syncNow(a.desk.db, server.db);
    await syncNow(b.desk.db, server.db);

    for (const desk of [server, a.desk, b.desk]) {
      expect(await bodies(desk, ticket.id)).toEqual(['[redacted]', 'Unlocked the account', '[redacted]']);
      expect(await trailHolding(desk, SECRET)).toBe(0);
      expect(await trailHolding(desk, LATER)).toBe(0);
      if (desk !== server) expect(await indexedWords(desk)).not.toContain(SECRET.toLowerCase());
    }
    // Each replica recorded who removed what and why (B got the later note already redacted), and checks clean.
    const what = (desk: Desk) => desk.db.selectFrom('redactions').select(['what', 'reason', 'actor']).orderBy('id').execute();
    expect(await what(a.desk)).toEqual([
      { what: 'timeline entry 1', reason: 'personal data', actor: 'Sam Ito' },
      { what: 'timeline entry 3', reason: 'personal data', actor: 'Sam Ito' },
    ]);
    expect(await what(b.desk)).toEqual([{ what: 'timeline entry 1', reason: 'personal data', actor: 'Sam Ito' }]);
    for (const desk of [a.desk, b.desk]) expect(await checkDesk(desk)).toEqual({ integrity: [], references: [], audit: [] });
    // Nothing left to do: a second sync applies nothing again.
    expect(await syncNow(b.desk.db, server.db)).toMatchObject({ pushed: 0, pulled: 0 });
  });

  // `ticket redact` on a PostgreSQL desk comes with store/redaction-pg.ts (branch pg-fixes): this runs once it is there.
  const pgRedaction = existsSync(new URL('../../../src/store/redaction-pg.ts', import.meta.url));
  it.runIf(pgRedaction)('removes an entry redacted on the server from a replica at its next pull', async () => {
    const server = await serverDesk();
    const boss = await ensureTechnician(server.db, SAM);
    const { ticket } = await createTicket(server.db, validateTicketInput({ title: 'Locked out' }), boss);
    await addInteraction(server.db, ticket.id, { kind: 'note', body: `Checked passport ${SECRET}` }, boss);
    const a = await replicaOf(server);
    expect(await bodies(a.desk, ticket.id)).toEqual([`Checked passport ${SECRET}`]);
    await redactInteraction(server, ticket.id, 1, 'personal data', boss);
    const logged = await server.db.selectFrom('sync_ops').select('payload').execute();
    expect(logged.filter((r) => r.payload.includes(SECRET))).toEqual([]);
    expect(await syncNow(a.desk.db, server.db)).toMatchObject({ pulled: 1 });
    expect(await bodies(a.desk, ticket.id)).toEqual(['[redacted]']);
    expect(await trailHolding(a.desk, SECRET)).toBe(0);
    expect(await indexedWords(a.desk)).not.toContain(SECRET.toLowerCase());
    expect(await checkDesk(a.desk)).toEqual({ integrity: [], references: [], audit: [] });
  });
});
