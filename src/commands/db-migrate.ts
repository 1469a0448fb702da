/** `deskline db migrate --from-sqlite FILE --db postgres://…`: a local desk moved onto a team server, all or nothing. */
import type { Command } from 'commander';
import { EXIT, fail } from '../errors.js';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';
import { progress } from './import-progress.js';

const n = (x: number) => Math.round(x).toLocaleString('en-US');

export function addMigrateCommand(db: Command, ctx: Ctx): void {
  db.command('migrate')
    .description('move a desk file onto an empty team server desk (one transaction; every table counted before COMMIT)')
    .requiredOption('--from-sqlite <file>', 'the desk file to move (read only; it is left as it was)')
    .option('--json', 'print a JSON summary')
    .addHelpText(
      'after',
      `
The server desk must be empty (a fresh 'db init', or none yet: it is created). Attachment files are
copied from beside the file to this machine's folder for the server desk. A second run refuses (exit 3).

Example:
  deskline db migrate --from-sqlite ~/.local/share/deskline/desk.db --db 'postgres://ana@db.example.com/desk'`,
    )
    .action(async (flags: { fromSqlite: string; json?: boolean }) => {
      const { isServerTarget } = await import('../store/desk-target.js');
      if (!isServerTarget(ctx.dbPath()))
        fail(EXIT.usage, 'db migrate --from-sqlite: give the server to move to with --db postgres://… (or DESKLINE_DB)');
      const desk = await ctx.desk();
      const { moveDeskToServer } = await import('../store/desk-move.js');
      let bar: ReturnType<typeof progress> | null = null;
      let seen = 0;
      const moved = await moveDeskToServer(desk, flags.fromSqlite, {
        progress: (done, total) => {
          bar ??= progress(ctx.io, 'moving rows', total);
          bar.advance(done - seen);
          bar.items((seen = done));
        },
      }).finally(() => bar?.end());
      const rate = moved.rows / Math.max(moved.ms / 1000, 0.001);
      if (flags.json) {
        ctx.json({ from: flags.fromSqlite, to: desk.path, ...moved, rowsPerSecond: Math.round(rate) });
        return;
      }
      const { files, folder, made } = moved.attachments;
      if (made) ctx.note(`made ${cleanLine(folder)} (0700): this machine's attachment folder for ${cleanLine(desk.path)}`);
      ctx.out(
        `moved ${cleanLine(flags.fromSqlite)} to ${cleanLine(desk.path)}: ${moved.tables.length} tables, ${n(moved.rows)} rows ` +
          `in ${(moved.ms / 1000).toFixed(1)} s (${n(rate)} rows/s), counts checked, search index built` +
          (files ? `; ${n(files)} attachment file(s) into ${cleanLine(folder)}` : ''),
      );
    });
}
