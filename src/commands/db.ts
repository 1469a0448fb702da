/** `deskline db path|backup|check`: where the desk lives, a verified copy, a health check. */
import { Command } from 'commander';
import { EXIT, fail } from '../errors.js';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';

export function dbCommand(ctx: Ctx): Command {
  const db = new Command('db').description('the database file: where it is, backups, checks');

  db.command('path')
    .description('print the database path')
    .action(() => ctx.out(cleanLine(ctx.dbPath())));

  db.command('backup')
    .description('online backup to PATH (0600), verified with integrity_check')
    .argument('<path>', 'file to write; must not exist')
    .addHelpText('after', '\nExample:\n  deskline db backup ~/desk-2026-11-23.db')
    .action(async (path: string) => {
      const { backupDesk } = await import('../store/desk-maintenance.js');
      await backupDesk(await ctx.desk(), path);
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
      const [{ checkDesk }, { unfinishedWrites }] = await Promise.all([import('../store/desk-maintenance.js'), import('../store/bulk.js')]);
      const desk = await ctx.desk();
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
