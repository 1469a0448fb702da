/**
 * Team mode, issue 21 (migration 020): an attachment a technician adds carries the technician their
 * login role maps to, whatever settings or the client say, like every other signature; a file of a
 * requester's mail keeps its sender, as mail intake records it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { asRole, cli, connect, teamDesk } from '../../helpers/pg-team.js';

describe('attachments on a team desk', () => {
  it('ticket attach by a mapped role signs as its technician; SQL forging added_by is overridden; mail files keep the sender', async () => {
    const { url, env, owner, logins } = await teamDesk(1);
    const [ana] = logins as [string];
    await cli(url, env, 'technician', 'add', 'Ana Silva', '-e', 'ana@example.com', '--role', ana);
    expect((await runCli(['config', 'set', 'user.name', 'Bea Park'], { env })).code).toBe(0);
    expect((await cli(asRole(url, ana), env, 'ticket', 'create', '-t', 'Scanner', '-r', 'Rui <rui@example.com>')).code).toBe(0);
    const file = join(env.HOME!, 'scan.txt');
    writeFileSync(file, 'a scan');
    const attached = await cli(asRole(url, ana), env, 'ticket', 'attach', 'HD-1', file);
    expect([attached.code, attached.stderr]).toEqual([0, '']);

    const client = await connect(asRole(url, ana));
    const t = Date.now();
    await client.query(
      `INSERT INTO attachments (ticket_id, name, size, sha256, added_by, created_at) VALUES (1, 'forged.txt', 1, $1, 'Bea Park', $2)`,
      ['c'.repeat(64), t],
    );
    const mail = await client.query(
      `INSERT INTO interactions (ticket_id, kind, author_name, body, created_at) VALUES (1, 'email_in', 'rui@example.com', 'see attached', $1) RETURNING id`,
      [t],
    );
    await client.query(
      `INSERT INTO attachments (ticket_id, interaction_id, name, size, sha256, added_by, created_at) VALUES (1, $1, 'photo.jpg', 1, $2, 'rui@example.com', $3)`,
      [mail.rows[0].id, 'd'.repeat(64), t],
    );
    const { rows } = await owner.query('SELECT name, added_by FROM attachments ORDER BY id');
    expect(rows).toEqual([
      { name: 'scan.txt', added_by: 'Ana Silva' },
      { name: 'forged.txt', added_by: 'Ana Silva' },
      { name: 'photo.jpg', added_by: 'rui@example.com' },
    ]);
  });
});
