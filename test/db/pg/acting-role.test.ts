/**
 * Team mode, issue 21: who acts is the login role mapped to a technician, decided by the server
 * (migration 018's triggers), never by settings or by what a client sends. Real login roles are
 * made in the test server's cluster (unique names per run) and dropped after.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { asRole, cli, connect, teamDesk } from '../../helpers/pg-team.js';
import { tempEnv } from '../../helpers/temp.js';

describe('who acts on a team desk', () => {
  it('technician add --role maps and grants; a write records the role’s technician even when settings name another', async () => {
    const { url, env, owner, logins } = await teamDesk(2);
    const [ana, bea] = logins as [string, string];
    const added = await cli(url, env, 'technician', 'add', 'Ana Silva', '-e', 'ana@example.com', '--role', ana);
    expect([added.code, added.stderr, added.stdout]).toEqual([
      0,
      '',
      `added technician Ana Silva <ana@example.com> L1, acting as login role ${ana} (granted deskline_technician)\n`,
    ]);
    expect((await cli(url, env, 'technician', 'add', 'Bea Park', '-e', 'bea@example.com', '--role', bea)).code).toBe(0);
    const member = await owner.query(`SELECT pg_has_role($1, 'deskline_technician', 'MEMBER') AS m`, [ana]);
    expect(member.rows[0].m).toBe(true);
    const listed = JSON.parse((await cli(url, env, 'technician', 'list', '--json')).stdout).technicians as {
      email: string;
      role: string;
    }[];
    expect(listed.map((t) => [t.email, t.role])).toEqual([
      ['ana@example.com', ana],
      ['bea@example.com', bea],
    ]);
    expect((await cli(url, env, 'technician', 'list')).stdout.split('\n')[0]).toMatch(/^NAME +EMAIL +TIER +OPEN +LOGIN ROLE$/);

    // Settings say Bea; the connection is Ana's.
    expect((await runCli(['config', 'set', 'user.name', 'Bea Park'], { env })).code).toBe(0);
    expect((await runCli(['config', 'set', 'user.email', 'bea@example.com'], { env })).code).toBe(0);
    const created = await cli(asRole(url, ana), env, 'ticket', 'create', '-t', 'VPN drops', '-r', 'Rui <rui@example.com>');
    expect([created.code, created.stderr]).toEqual([0, '']);
    const note = await cli(asRole(url, ana), env, 'ticket', 'comment', 'HD-1', '--note', 'rebooted the router', '--minutes', '5');
    expect([note.code, note.stderr]).toEqual([0, '']);

    const actors = await owner.query('SELECT DISTINCT actor FROM audit_events');
    expect(actors.rows).toEqual([{ actor: 'Ana Silva' }]);
    const authors = await owner.query(`SELECT t.email FROM interactions i JOIN technicians t ON t.id = i.author_id WHERE i.kind = 'note'`);
    expect(authors.rows).toEqual([{ email: 'ana@example.com' }]);
    const check = await cli(url, env, 'db', 'check');
    expect([check.code, check.stderr]).toEqual([0, '']);
  });

  it('a client sending a forged actor, author or hashes in SQL gets them overridden; the map and names are out of its reach', async () => {
    const { url, env, owner, logins } = await teamDesk(2);
    const [ana, bea] = logins as [string, string];
    await cli(url, env, 'technician', 'add', 'Ana Silva', '-e', 'ana@example.com', '--role', ana);
    await cli(url, env, 'technician', 'add', 'Bea Park', '-e', 'bea@example.com', '--role', bea);
    expect((await cli(asRole(url, bea), env, 'ticket', 'create', '-t', 'Printer jam', '-r', 'Rui <rui@example.com>')).code).toBe(0);
    const client = await connect(asRole(url, ana));
    const beaId = (await client.query(`SELECT id FROM technicians WHERE email = 'bea@example.com'`)).rows[0].id;
    const t = Date.now();
    const forged = await client.query(
      `INSERT INTO audit_events (ticket_id, actor, at, action, field, old_value, new_value, digest, chain)
       VALUES (1, 'Bea Park', $1, 'update', 'title', 'Printer jam', E'Say "hi"\\\\ \\t\\u0001 é 漢 👍🏽', 'x', 'y') RETURNING actor`,
      [t],
    );
    expect(forged.rows).toEqual([{ actor: 'Ana Silva' }]);
    const reply = await client.query(
      `INSERT INTO interactions (ticket_id, kind, author_id, author_name, body, created_at) VALUES (1, 'reply', $1, 'Bea Park', 'hi', $2)
       RETURNING author_id, author_name`,
      [beaId, t],
    );
    expect(reply.rows[0].author_name).toBe('Ana Silva');
    expect(reply.rows[0].author_id).not.toBe(beaId);
    const moved = await client.query(`UPDATE interactions SET author_id = $1, author_name = 'Bea Park' RETURNING author_id, author_name`, [
      beaId,
    ]);
    expect(moved.rows).toEqual([reply.rows[0]]);
    const verified = await client.query(
      `INSERT INTO identity_verifications (ticket_id, method, verified_by, verifier_id, verified_at)
       VALUES (1, 'callback', 'Bea Park', $1, $2) RETURNING verified_by, verifier_id`,
      [beaId, t],
    );
    expect(verified.rows).toEqual([{ verified_by: 'Ana Silva', verifier_id: reply.rows[0].author_id }]);
    await client.query(`INSERT INTO ticket_checklist_items (ticket_id, position, text) VALUES (1, 1, 'Call back')`);
    const ticked = await client.query(`UPDATE ticket_checklist_items SET done_by = 'Bea Park', done_at = $1 RETURNING done_by`, [t]);
    expect(ticked.rows).toEqual([{ done_by: 'Ana Silva' }]);
    for (const statement of [
      `INSERT INTO technician_roles (role, technician_id, created_at) VALUES ('${ana}', ${beaId}, 0)`,
      `UPDATE technician_roles SET technician_id = ${beaId}`,
      `DELETE FROM technician_roles`,
      `UPDATE technicians SET name = 'Bea Park' WHERE email = 'ana@example.com'`,
      `UPDATE audit_events SET actor = 'Bea Park'`,
      `DELETE FROM audit_events`,
      `TRUNCATE audit_events`,
    ]) {
      await expect(client.query(statement), statement).rejects.toThrow(/permission denied/);
    }
    // The hashes the server computed are the ones `db check` (src/domain/audit-chain.ts) expects.
    const check = await cli(url, env, 'db', 'check');
    expect([check.code, check.stderr]).toEqual([0, '']);
    expect((await owner.query(`SELECT count(*)::int AS n FROM audit_events WHERE actor = 'Bea Park'`)).rows[0].n).toBe(1);
  });

  it('a login role mapped to no technician may read but not write: one line naming the role and the command', async () => {
    const { url, env, owner, logins } = await teamDesk(1);
    const [stray] = logins as [string];
    await owner.query(`GRANT deskline_technician TO ${stray}`);
    const expected = `deskline: login role ${stray} is not a technician of this desk: the desk's owner runs 'deskline technician role WHO ${stray}' (or 'deskline technician add NAME -e EMAIL --role ${stray}' for someone new)\n`;
    const created = await cli(asRole(url, stray), env, 'ticket', 'create', '-t', 'VPN drops', '-r', 'Rui <rui@example.com>');
    expect([created.code, created.stdout, created.stderr]).toEqual([5, '', expected]);
    const list = await cli(asRole(url, stray), env, 'ticket', 'list');
    expect([list.code, list.stderr]).toEqual([0, '0 ticket(s)\n']);
    const client = await connect(asRole(url, stray));
    await expect(
      client.query(`INSERT INTO audit_events (ticket_id, actor, at, action) VALUES (NULL, 'someone', 0, 'x')`),
    ).rejects.toMatchObject({ code: '42DL1' });
    expect((await owner.query('SELECT count(*)::int AS n FROM audit_events')).rows[0].n).toBe(0);
  });

  it('--role: a role missing on the server, a role already mapped, a file desk; technician role maps one who exists', async () => {
    const { url, env, logins } = await teamDesk(2);
    const [ana, sam] = logins as [string, string];
    const missing = await cli(url, env, 'technician', 'add', 'Ana Silva', '-e', 'ana@example.com', '--role', `${ana}_nobody`);
    expect([missing.code, missing.stderr]).toEqual([
      2,
      `deskline: no login role ${ana}_nobody on the server: create it first (CREATE ROLE ${ana}_nobody LOGIN)\n`,
    ]);
    expect((await cli(url, env, 'technician', 'list', '-q')).stdout).toBe(''); // nothing added
    expect((await cli(url, env, 'technician', 'add', 'Ana Silva', '-e', 'ana@example.com', '--role', ana)).code).toBe(0);
    const twice = await cli(url, env, 'technician', 'add', 'Ana Two', '-e', 'ana2@example.com', '--role', ana);
    expect([twice.code, twice.stderr]).toEqual([3, `deskline: login role ${ana} already acts as Ana Silva\n`]);
    expect((await cli(url, env, 'technician', 'add', 'Sam Okafor', '-e', 'sam@example.com')).code).toBe(0);
    const later = await cli(url, env, 'technician', 'role', 'sam@example.com', sam);
    expect([later.code, later.stdout]).toEqual([
      0,
      `Sam Okafor <sam@example.com>, acting as login role ${sam} (granted deskline_technician)\n`,
    ]);
    const again = await cli(url, env, 'technician', 'role', 'Sam Okafor', ana);
    expect([again.code, again.stderr]).toEqual([3, `deskline: login role ${ana} already acts as Ana Silva\n`]);
    const file = await runCli(['technician', 'add', 'Ana Silva', '-e', 'ana@example.com', '--role', 'ana'], { env: tempEnv() });
    expect([file.code, file.stderr]).toEqual([
      1,
      'deskline: --role: only a team desk on PostgreSQL has login roles (give --db postgres://…)\n',
    ]);
  });
});
