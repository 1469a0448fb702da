/** `deskline db path|backup|check`: where the desk lives, a verified copy, a health check. */
import { Command } from 'commander';
import { EXIT, fail } from '../errors.js';
import type { Desk } from '../store/desk.js';
import type * as ServerDesk from '../store/desk-server.js';
import type { Ctx } from './context.js';
import { addMigrateCommand } from './db-migrate.js';
import { cleanLine } from './format.js';

export function dbCommand(ctx: Ctx): Command {
  const db = new Command('db').description('the database (a file, or a team server): where it is, schema, backups, checks');

  db.command('path')
    .description('print the database path (a server URL without its password)')
    .action(async () => {
      const { shownTarget } = await import('../store/desk-server.js');
      ctx.out(cleanLine(shownTarget(ctx.dbPath())));
    });

  db.command('init')
    .description('create the schema in an empty database, or bring it up to date (a file: as opening it does)')
    .addHelpText('after', "\nExample:\n  deskline db init --db 'postgres://ana@db.example.com/desk'")
    .action(async () => {
      const desk = await ctx.desk();
      const { schemaVersion } = await import('../store/desk-server.js');
      ctx.out(`ready: ${cleanLine(desk.path)} at schema version ${await schemaVersion(desk)}`);
    });

  addMigrateCommand(db, ctx);

  db.command('roles')
    .description('print the SQL that creates the technician role on a team server (audit trail append-only)')
    .addHelpText(
      'after',
      "\nExample:\n  deskline db roles --db 'postgres://owner@db.example.com/desk' | psql 'postgres://owner@db.example.com/desk'",
    )
    .action(async () => {
      const desk = await ctx.desk();
      const server = await import('../store/desk-server.js');
      if (!server.isServerDesk(desk)) fail(EXIT.usage, 'db roles: only a team desk on PostgreSQL has roles (give --db postgres://…)');
      ctx.out(server.technicianRoleSql(desk));
    });

  db.command('backup')
    .description('online backup to PATH (0600), verified with integrity_check')
    .argument('<path>', 'file to write; must not exist')
    .addHelpText('after', '\nExample:\n  deskline db backup ~/desk-2026-11-23.db')
    .action(async (path: string) => {
      const desk = await ctx.desk();
      const server = await import('../store/desk-server.js');
      if (server.isServerDesk(desk)) {
        fail(
          EXIT.usage,
          `a team desk on PostgreSQL is backed up with pg_dump (password from PGPASSWORD or ~/.pgpass): ${server.pgDumpCommand(desk, path)}`,
        );
      }
      const { backupDesk } = await import('../store/desk-maintenance.js');
      await backupDesk(desk, path);
      ctx.out(`backed up ${cleanLine(ctx.dbPath())} to ${cleanLine(path)}`);
    });

  db.command('check')
    .description('integrity, foreign-key and audit-trail checks (exit 5 on failure)')
    .addHelpText(
      'after',
      `
The audit trail is a hash chain: an event edited, inserted or deleted outside Deskline (with sqlite3,
say) is named with its ticket. A damaged file refuses writes until it checks sound again.`,
    )
    .option('--json', 'print every problem as JSON (still exit 5 on failure)')
    .action(async (flags: { json?: boolean }) => {
      const desk = await ctx.desk();
      const server = await import('../store/desk-server.js');
      if (server.isServerDesk(desk)) return checkServer(ctx, desk, server, flags.json === true);
      const [{ checkDesk }, { unfinishedWrites }] = await Promise.all([import('../store/desk-maintenance.js'), import('../store/bulk.js')]);
      const health = await checkDesk(desk);
      // A demo seed killed half way is not a whole desk (it resumes with `demo seed --resume`).
      const interrupted = health.integrity.length === 0 ? await unfinishedWrites(desk) : [];
      const problems = [...health.integrity, ...health.references, ...health.audit, ...interrupted];
      if (flags.json) {
        ctx.json({ path: ctx.dbPath(), ok: problems.length === 0, ...health, interrupted });
        if (problems.length > 0) ctx.exitCode = EXIT.database;
        return;
      }
      if (problems.length > 0) fail(EXIT.database, `${problems.length} problem(s): ${problems.slice(0, 3).join('; ')}`);
      ctx.out(`ok: ${cleanLine(ctx.dbPath())} passed integrity, foreign-key and audit-trail checks`);
    });

  return db;
}

/** On PostgreSQL the server keeps its pages sound and every foreign key: the check is the schema version and the audit chain. */
async function checkServer(ctx: Ctx, desk: Desk, server: typeof ServerDesk, json: boolean): Promise<void> {
  const health = await server.checkServerDesk(desk);
  if (json) {
    ctx.json({ path: desk.path, ok: health.audit.length === 0, dialect: 'postgres', ...health });
    if (health.audit.length > 0) ctx.exitCode = EXIT.database;
    return;
  }
  if (health.audit.length > 0) fail(EXIT.database, `${health.audit.length} problem(s): ${health.audit.slice(0, 3).join('; ')}`);
  ctx.out(
    `ok: ${cleanLine(desk.path)} (PostgreSQL) at schema version ${health.version}, audit trail intact; ` +
      'the server itself keeps pages sound and enforces foreign keys',
  );
}
