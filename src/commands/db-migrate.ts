/** `deskline db migrate --from-sqlite FILE --db postgres://…`: a local desk moved onto a team server, all or nothing. */
import type { Command } from 'commander';
import { EXIT, fail } from '../errors.js';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';
import { progress } from './import-progress.js';

/** A move that took longer than this to copy its rows says when it goes on to build the rest. */
const LONG_MS = 2_000;
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
      const { moveDeskToServer, REBUILD_PHASE } = await import('../store/desk-move.js');
      let bar: ReturnType<typeof progress> | null = null;
      let seen = 0;
      const started = performance.now();
      const moved = await moveDeskToServer(desk, flags.fromSqlite, {
        progress: (done, total, table) => {
          bar ??= progress(ctx.io, 'moving rows', total);
          if (table === REBUILD_PHASE) {
            bar.end();
            // A long move spends about as long again here: say so rather than sit silent.
            if (performance.now() - started > LONG_MS) ctx.note(`rows copied; building ${REBUILD_PHASE} …`);
            return;
          }
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
