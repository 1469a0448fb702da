/**
 * `db check` on a server desk walks the audit chain a page at a time (src/store/audit-chain-walk.ts):
 * a row changed behind Deskline's back is named with exit 5; a redaction's rewritten events pass,
 * vouched for by their statements, as on SQLite.
 */
import fc from 'fast-check';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { eventDigest } from '../../../src/domain/audit-chain.js';
import { needleScrub, scrubAuditEvents } from '../../../src/store/audit-redaction.js';
import { openDesk } from '../../../src/store/desk.js';
import { SYSTEM_ACTOR } from '../../../src/store/executor.js';
import { runCli } from '../../helpers/cli.js';
import { hostileText } from '../../helpers/hostile-text.js';
import { tempPgDatabase } from '../../helpers/pg.js';
import { tempEnv } from '../../helpers/temp.js';

const clients: pg.Client[] = [];
afterEach(async () => {
  while (clients.length) await clients.pop()!.end();
});

async function serverDesk() {
  const url = await tempPgDatabase();
  const env = tempEnv({ DESKLINE_DB: url });
  expect((await runCli(['db', 'init'], { env })).code).toBe(0);
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  clients.push(owner);
  return { run: (...args: string[]) => runCli(args, { env }), owner, url };
}

describe('db check on PostgreSQL', () => {
  it('names an audit row changed behind Deskline’s back, exit 5', async () => {
    const { run, owner } = await serverDesk();
    expect((await run('ticket', 'create', '-t', 'VPN drops', '-r', 'Rui <rui@example.com>')).code).toBe(0);
    expect((await run('ticket', 'update', 'HD-1', '--priority', 'high')).code).toBe(0);
    expect((await run('db', 'check')).code).toBe(0);
    const { rows } = await owner.query(`UPDATE audit_events SET new_value = 'low' WHERE field = 'priority' RETURNING id`);
    const check = await run('db', 'check');
    expect([check.code, check.stdout]).toEqual([5, '']);
    expect(check.stderr).toBe(
      `deskline: 1 problem(s): audit event #${rows[0].id} of HD-1 was edited (its content no longer matches its digest)\n`,
    );
  });

  it('passes after a redaction of the trail (statements vouch for the rewritten events); an edit made afterwards still shows', async () => {
    const { run, owner, url } = await serverDesk();
    await run('ticket', 'create', '-t', 'Locked out', '-r', 'Ana Silva <ana@example.com>');
    await run('ticket', 'resolve', 'HD-1', '--resolution', 'Unlocked after checking passport Quaggly4419');
    // The trail's part of a redaction alone (test/db/pg/redact.test.ts runs the whole command).
    const desk = await openDesk(url);
    try {
      const scrub = needleScrub(['Quaggly4419'], '[redacted]');
      const n = await desk.db.transaction().execute((trx) => scrubAuditEvents(trx, { ticketIds: [1] }, scrub, SYSTEM_ACTOR, Date.now()));
      expect(n).toBeGreaterThan(0);
    } finally {
      await desk.close();
    }
    const { rows } = await owner.query(
      `SELECT id FROM audit_events WHERE new_value LIKE '%[redacted]%' AND action <> 'redact' ORDER BY id`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(await run('db', 'check')).toMatchObject({ code: 0, stderr: '' });
    await owner.query(`UPDATE audit_events SET new_value = 'something else' WHERE id = $1`, [rows[0].id]);
    const broken = await run('db', 'check');
    expect(broken.code).toBe(5);
    expect(broken.stderr).toContain(`audit event #${rows[0].id} of HD-1 was edited`);
  });

  it('the server hashes an event as Deskline does (deskline_audit_digest = eventDigest), hostile text included', async () => {
    const { owner } = await serverDesk();
    const texts = fc.sample(hostileText, { numRuns: 300, seed: 21 }).map((t) => t.replace(/\0/g, ''));
    for (const [i, text] of texts.entries()) {
      const e = {
        ticket_id: i % 3 ? i : null,
        actor: text,
        at: 1_700_000_000_000 + i,
        action: 'update',
        field: i % 2 ? text : null,
        old_value: null,
        new_value: `"${text}"`,
      };
      const { rows } = await owner.query('SELECT deskline_audit_digest($1, $2, $3, $4, $5, $6, $7) AS d', [
        e.ticket_id,
        e.actor,
        e.at,
        e.action,
        e.field,
        e.old_value,
        e.new_value,
      ]);
      expect(rows[0].d, JSON.stringify(text)).toBe(eventDigest(e));
    }
  });
});
