/** `deskline db path|backup|check`: where the desk lives, a verified copy, a health check. */
import { Command } from 'commander';
import { EXIT, fail } from '../errors.js';
import type { Ctx } from './context.js';

export function dbCommand(ctx: Ctx): Command {
  const db = new Command('db').description('the database file: where it is, backups, checks');

  db.command('path')
    .description('print the database path')
    .action(() => ctx.out(ctx.dbPath()));

  db.command('backup')
    .description('online backup to PATH (0600), verified with integrity_check')
    .argument('<path>', 'file to write; must not exist')
    .addHelpText('after', '\nExample:\n  deskline db backup ~/desk-2026-11-23.db')
    .action(async (path: string) => {
      // eslint-disable-next-line import-x/no-restricted-paths -- #12: layer leak, to be removed by the restructure
      const { backupTo } = await import('../db/backup.js');
      const { sqlite } = await ctx.desk();
      await backupTo(sqlite, path);
      ctx.out(`backed up ${ctx.dbPath()} to ${path}`);
    });

  db.command('check')
    .description('integrity and foreign-key checks (exit 5 on failure)')
    .action(async () => {
      const { sqlite } = await ctx.desk();
      const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[])
        .map((r) => r.integrity_check)
        .filter((r) => r !== 'ok');
      const keys = sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      const problems = [...integrity, ...keys.map((k) => `${k.table} row ${k.rowid} points at a missing ${k.parent}`)];
      if (problems.length > 0) fail(EXIT.database, `${problems.length} problem(s): ${problems.slice(0, 3).join('; ')}`);
      ctx.out(`ok: ${ctx.dbPath()} passed integrity and foreign-key checks`);
    });

  return db;
}
