/**
 * A team desk at 019 upgraded to 020 (issue 21): the change numbers go on above every number the old
 * counter gave, and technicians granted before the upgrade (`deskline db roles`) may take them
 * without the roles' SQL being run again.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { runPgMigrations } from '../../../src/db/pg/migrate.js';
import { PG_LATEST_VERSION, PG_MIGRATIONS } from '../../../src/db/pg/migrations/index.js';
import { technicianRoleSql } from '../../../src/db/pg/roles.js';
import { asRole, cli, connect } from '../../helpers/pg-team.js';
import { tempPgDatabase } from '../../helpers/pg.js';
import { tempEnv } from '../../helpers/temp.js';

describe('migration 020 on a team desk at 019', () => {
  it('numbers continue above the counter; a technician granted before the upgrade writes after it', async () => {
    const url = await tempPgDatabase();
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
    try {
      await runPgMigrations(
        db,
        PG_MIGRATIONS.filter((m) => m.version < 20),
        'test',
      );
    } finally {
      await db.destroy();
    }
    const owner = await connect(url);
    const env = tempEnv();
    await owner.query(`INSERT INTO tickets (title, status, priority, priority_rank, category, channel, created_at, updated_at)
      SELECT 'Before the upgrade ' || g, 'open', 'normal', 3, 'general', 'email', 1, 1 FROM generate_series(1, 3) AS g`);
    const { rows } = await owner.query('SELECT max(change_seq)::int AS top FROM tickets');
    expect(rows[0].top).toBeGreaterThan(0);
    await owner.query(technicianRoleSql(new URL(url).pathname.slice(1)));
    const login = `deskline_t_${process.pid}_up`;
    await owner.query(`DROP ROLE IF EXISTS ${login}`);
    await owner.query(`CREATE ROLE ${login} LOGIN`);
    try {
      const mapped = await cli(url, env, 'technician', 'add', 'Ana Silva', '-e', 'ana@example.com', '--role', login);
      expect([mapped.code, mapped.stderr]).toEqual([0, '']);
      expect((await owner.query('SELECT max(version)::int AS v FROM deskline_schema')).rows[0].v).toBe(PG_LATEST_VERSION);
      const created = await cli(asRole(url, login), env, 'ticket', 'create', '-t', 'After the upgrade', '-r', 'Rui <rui@example.com>');
      expect([created.code, created.stderr]).toEqual([0, '']);
      const after = await owner.query('SELECT title, change_seq::int AS seq FROM tickets ORDER BY id');
      expect(after.rows[3].seq).toBeGreaterThan(rows[0].top);
    } finally {
      await owner.query(`DROP OWNED BY ${login}`);
      await owner.query(`DROP ROLE ${login}`);
    }
  });
});
