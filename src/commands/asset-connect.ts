/**
 * `deskline asset connect TAG [--ticket HD-7]`: runs the remote-session client for the asset (no
 * shell: the arguments are an array), waits for it, and logs the session on the ticket
 * (io/remote-session.ts). A client that fails (a refused connection, a non-zero exit) is logged and
 * exits 6.
 */
import { spawnSync } from 'node:child_process';
import { Command } from 'commander';
import { EXIT, fail } from '../errors.js';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';
import { refArg } from './resolve-ref.js';

export function assetConnectCommand(ctx: Ctx): Command {
  return new Command('connect')
    .description('open a remote session to an asset (ssh, rdp or vnc) and log it on its ticket')
    .argument('<tag>', 'the asset, e.g. LT-0042 (needs a hostname and a protocol)')
    .option('--ticket <ref>', 'the ticket to log the session on (default: the newest open ticket about the asset)')
    .option('--json', 'print JSON when the session ends')
    .addHelpText(
      'after',
      `
The client runs in this terminal until you close it. Clients (set with config set):
  remote.ssh  default "ssh {host}"      remote.rdp  default "xfreerdp /v:{host}"
  remote.vnc  default "vncviewer {host}"

Examples:
  deskline asset connect LT-0042 --ticket HD-7
  deskline config set remote.rdp "xfreerdp /v:{host} /dynamic-resolution"`,
    )
    .action(async (tag: string, flags: { ticket?: string; json?: boolean }) => {
      const ticketId = flags.ticket === undefined ? undefined : refArg(flags.ticket);
      const { db } = await ctx.desk();
      const [{ connectAsset, remoteClients }, { ensureTechnician }] = await Promise.all([
        import('../io/remote-session.js'),
        import('../store/technicians.js'),
      ]);
      const result = await connectAsset(db, {
        tag,
        ticketId,
        actor: await ensureTechnician(db, ctx.me()),
        clients: remoteClients(ctx.settings()),
        path: ctx.io.env.PATH ?? '',
        run: (argv) => {
          const ran = spawnSync(argv[0]!, argv.slice(1), { stdio: 'inherit', env: ctx.io.env as NodeJS.ProcessEnv });
          return { status: ran.status, signal: ran.signal, ...(ran.error ? { error: ran.error.message } : {}) };
        },
      });
      const where = result.ticketRef ? `logged on ${result.ticketRef}` : 'not logged: no open ticket is about this asset (give --ticket)';
      if (flags.json) {
        ctx.json({
          asset: result.asset.tag,
          host: result.asset.hostname,
          argv: result.argv,
          started_at: new Date(result.startedAt).toISOString(),
          ended_at: new Date(result.endedAt).toISOString(),
          minutes: result.minutes,
          exit_status: result.status,
          signal: result.signal,
          ticket: result.ticketRef,
        });
      } else {
        ctx.out(`session to ${cleanLine(result.asset.tag)} ended after ${result.minutes} min: ${where}`);
      }
      if (result.status !== 0)
        fail(
          EXIT.delivery,
          `${cleanLine(result.argv[0]!)} ${result.signal ? `was stopped by ${result.signal}` : `exited with ${result.status}`}`,
        );
    });
}
