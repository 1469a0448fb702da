/** `deskline sync [init URL|status|conflicts|resolve ID]`: a laptop's desk kept as a replica of the team's server desk (issue 22). */
import { Command } from 'commander';
import { formatRef } from '../domain/ticket.js';
import { EXIT, fail, isDesklineError } from '../errors.js';
import { shownTarget } from '../store/desk-target.js';
import { openDesk, type Desk } from '../store/desk.js';
import { initReplica } from '../store/sync/init.js';
import { syncNow } from '../store/sync/replica.js';
import { resolveConflict, TAKES, type Take } from '../store/sync/resolve.js';
import { openConflicts, syncStatus } from '../store/sync/status.js';
import { ensureTechnician } from '../store/technicians.js';
import type { Ctx } from './context.js';
import { progress } from './import-progress.js';
import { ago } from '../domain/ago.js';

/** The server desk, or exit 6 naming it as offline (a laptop without network is the normal case here). */
async function server(ctx: Ctx, url: string, readonly = false): Promise<Desk> {
  try {
    return await openDesk(url, { env: ctx.io.env, readonly });
  } catch (error) {
    const why = isDesklineError(error) ? error.message : String(error);
    return fail(EXIT.delivery, `sync: offline: ${shownTarget(url)} cannot be reached (${why})`);
  }
}

async function replicaState(ctx: Ctx) {
  const { db } = await ctx.desk();
  return (await syncStatus(db)) ?? fail(EXIT.usage, 'sync: this desk is not a replica (run deskline sync init postgres://…)');
}

function bar(ctx: Ctx, label: string) {
  let shown: ReturnType<typeof progress> | null = null;
  let last = 0;
  return {
    tick: (done: number, total: number) => {
      shown ??= progress(ctx.io, label, total);
      shown.advance(done - last);
      shown.items(done);
      last = done;
    },
    end: () => shown?.end(),
  };
}

export function syncCommand(ctx: Ctx): Command {
  const cmd = new Command('sync').description('push this replica’s changes to the server desk and pull the others’');
  cmd.action(async () => {
    const state = await replicaState(ctx);
    const remote = await server(ctx, state.server);
    const shown = bar(ctx, 'sync');
    try {
      const { db } = await ctx.desk();
      const done = await syncNow(db, remote.db, shown.tick);
      shown.end();
      const dup = done.duplicates ? ` (${done.duplicates} already there)` : '';
      ctx.out(`pushed ${done.pushed}${dup}, pulled ${done.pulled}, ${done.conflicts} new conflicts — synced with ${state.server}`);
    } finally {
      await remote.close();
    }
  });

  cmd
    .command('init')
    .description('make this (empty) desk a replica of a server desk: copies it, then syncs with `deskline sync`')
    .argument('<url>', 'postgres://user@host/desk (password from PGPASSWORD or ~/.pgpass)')
    .action(async (url: string) => {
      if (!/^postgres(ql)?:\/\//i.test(url)) fail(EXIT.invalid, `sync init: '${shownTarget(url)}' is not a postgres:// URL`);
      const remote = await server(ctx, url);
      const shown = bar(ctx, 'sync init');
      try {
        const { db } = await ctx.desk();
        const made = await initReplica(db, remote.db, shownTarget(url), shown.tick);
        shown.end();
        ctx.out(`replica of ${shownTarget(url)} as device ${made.device}: ${made.rows.tickets} tickets, ${made.rows.interactions} entries`);
      } finally {
        await remote.close();
      }
    });

  cmd
    .command('status')
    .description('synced how long ago, operations waiting, open conflicts, and whether the server answers')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const state = await replicaState(ctx);
      const online = await server(ctx, state.server, true).then(
        (d) => d.close().then(() => true),
        () => false,
      );
      if (flags.json) return ctx.json({ sync: { ...state, online } });
      const parts = [state.syncedAt === null ? 'never synced' : `synced ${ago(state.syncedAt, Date.now())}`, `${state.waiting} waiting`];
      if (state.openConflicts) parts.push(`${state.openConflicts} open conflicts`);
      parts.push(online ? 'online' : 'offline');
      ctx.out(`${parts.join(' · ')} — ${state.server} (device ${state.device})`);
    });

  cmd
    .command('conflicts')
    .description('concurrent edits of one field: what was kept and what lost')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const { db } = await ctx.desk();
      const rows = await openConflicts(db);
      if (flags.json) return ctx.json({ conflicts: rows.map((r) => ({ ...r, ref: formatRef(r.ticket_id) })) });
      if (rows.length === 0) return ctx.out('no open conflicts');
      for (const r of rows)
        ctx.out(
          `#${r.id}  ${formatRef(r.ticket_id)}  ${r.field}: kept ${r.kept ?? '—'}, not ${r.lost ?? '—'}  (${new Date(r.at).toISOString()})`,
        );
    });

  cmd
    .command('resolve')
    .description('settle a conflict: keep the value that won (default), or take the one that lost (a field change that syncs)')
    .argument('<id>', 'the conflict, as `sync conflicts` numbers it (#3)')
    .option('--take <side>', 'kept or lost', 'kept')
    .action(async (raw: string, flags: { take: string }) => {
      const id = Number(raw.replace(/^#/, ''));
      if (!Number.isInteger(id) || id < 1) fail(EXIT.invalid, `sync resolve: '${raw}' is not a conflict number (#1, #2, …)`);
      if (!(TAKES as readonly string[]).includes(flags.take)) fail(EXIT.invalid, `--take: '${flags.take}' is not kept or lost`);
      const { db } = await ctx.desk();
      const done = await resolveConflict(db, id, flags.take as Take, await ensureTechnician(db, ctx.me()));
      ctx.out(
        `#${id} resolved: ${formatRef(done.ticketId)} ${done.field} is ${done.value ?? '—'} (${done.take === 'lost' ? 'the lost value taken' : 'kept'})`,
      );
    });
  return cmd;
}
