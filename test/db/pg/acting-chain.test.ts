/**
 * Team mode, issue 21: the server appends a mapped technician's events to the audit chain under the
 * desk's write lock, so clients writing at once cannot fork it (migration 018).
 */
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { asRole, cli, connect, teamDesk } from '../../helpers/pg-team.js';

describe('the audit chain on a team desk', () => {
  it('two technicians appending at once without any lock of their own leave one unbroken chain', async () => {
    const { url, env, owner, logins } = await teamDesk(2);
    for (const [i, login] of logins.entries())
      await cli(url, env, 'technician', 'add', `Tech ${i}`, '-e', `t${i}@example.com`, '--role', login);
    const [a, b] = await Promise.all(logins.map((login) => connect(asRole(url, login))));
    const append = (client: pg.Client, n: number) =>
      client.query(
        `INSERT INTO audit_events (ticket_id, actor, at, action, field, new_value)
         SELECT NULL, 'anyone', $1, 'note', 'n', g::text FROM generate_series(1, 5) AS g`,
        [n],
      );
    for (let n = 0; n < 40; n++) await Promise.all([append(a!, n), append(b!, n)]);
    const { rows } = await owner.query('SELECT actor, count(*)::int AS n FROM audit_events GROUP BY actor ORDER BY actor');
    expect(rows).toEqual([
      { actor: 'Tech 0', n: 200 },
      { actor: 'Tech 1', n: 200 },
    ]);
    const check = await cli(url, env, 'db', 'check');
    expect([check.code, check.stderr]).toEqual([0, '']);
  });
});
