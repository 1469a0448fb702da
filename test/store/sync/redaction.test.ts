/**
 * A redaction travels (issue 22): a timeline entry redacted on one desk loses its text on the server
 * and on every other replica at its next sync, with the audit trail scrubbed and `db check` clean, and
 * the sync log keeps no copy that a later pull would hand out.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../../src/domain/ticket-input.js';
import { checkDesk } from '../../../src/store/desk-maintenance.js';
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

async function bodies(desk: Desk, id: number) {
  return (await timeline(desk.db, id)).map((i) => i.body);
}

async function trailHolding(desk: Desk, text: string): Promise<number> {
  const rows = await desk.db.selectFrom('audit_events').select(['old_value', 'new_value']).execute();
  return rows.filter((r) => `${r.old_value ?? ''}${r.new_value ?? ''}`.includes(text)).length;
}

describe('sync: redaction', () => {
  it('removes a redacted entry’s text on the server and on another replica at its next sync; db check stays clean', async () => {
    const server = await serverDesk();
    const boss = await ensureTechnician(server.db, SAM);
    const { ticket } = await createTicket(server.db, validateTicketInput({ title: 'Locked out' }), boss);
    await addInteraction(server.db, ticket.id, { kind: 'note', body: `Checked passport ${SECRET}` }, boss);
    await addInteraction(server.db, ticket.id, { kind: 'note', body: 'Unlocked the account' }, boss);
    const a = await replicaOf(server);
    const b = await replicaOf(server);
    const sam = await ensureTechnician(a.desk.db, SAM);
    expect(await bodies(b.desk, ticket.id)).toContain(`Checked passport ${SECRET}`);

    // A note made on A, pushed, then redacted on A: B has not pulled it yet.
    await addInteraction(a.desk.db, ticket.id, { kind: 'note', body: `Licence ${LATER}` }, sam);
    await syncNow(a.desk.db, server.db);
    await redactInteraction(a.desk, ticket.id, 1, 'personal data', sam);
    await redactInteraction(a.desk, ticket.id, 3, 'personal data', sam);
    await syncNow(a.desk.db, server.db);
    await syncNow(b.desk.db, server.db);

    for (const desk of [a.desk, server, b.desk]) {
      const texts = await bodies(desk, ticket.id);
      expect(texts).toEqual(['[redacted]', 'Unlocked the account', '[redacted]']);
      expect(await trailHolding(desk, SECRET)).toBe(0);
      expect(await trailHolding(desk, LATER)).toBe(0);
    }
    // The log a later pull reads holds neither text, nor does A's outbox.
    const logged = await server.db.selectFrom('sync_ops').select('payload').execute();
    expect(logged.filter((r) => r.payload.includes(SECRET) || r.payload.includes(LATER))).toEqual([]);
    // B recorded who removed what and why, and checks clean (integrity, references, the audit chain).
    const onB = await b.desk.db.selectFrom('redactions').select(['what', 'reason', 'actor']).orderBy('id').execute();
    expect(onB).toEqual([{ what: 'timeline entry 1', reason: 'personal data', actor: 'Sam Ito' }]);
    expect(await checkDesk(b.desk)).toEqual({ integrity: [], references: [], audit: [] });
    expect(await checkDesk(a.desk)).toEqual({ integrity: [], references: [], audit: [] });
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
    expect(await checkDesk(a.desk)).toEqual({ integrity: [], references: [], audit: [] });
  });
});
