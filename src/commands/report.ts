/** `deskline report …`: one file per report, assembled here. */
import { Command } from 'commander';
import type { Ctx } from './context.js';
import { reportBacklogCommand } from './report-backlog.js';
import { reportSlaCommand } from './report-sla.js';
import { reportTimesCommand } from './report-times.js';
import { reportVolumeCommand } from './report-volume.js';
import { reportWorkloadCommand } from './report-workload.js';

const SUBCOMMANDS = [reportBacklogCommand, reportSlaCommand, reportTimesCommand, reportVolumeCommand, reportWorkloadCommand];

export function reportCommand(ctx: Ctx): Command {
  const cmd = new Command('report').description('backlog, SLA compliance, response times, volume and workload reports').addHelpText(
    'after',
    `
Every report takes --since/--until (12h, 7d, 4w, 2026-03-01, 2026-03-01T09:00, today; default: the last 30 days),
and prints a table, --json or --csv. Examples:
  deskline report sla --since 7d --by priority
  deskline report volume --since 2026-03-01 --until 2026-03-31 --csv > march.csv`,
  );
  for (const make of SUBCOMMANDS) cmd.addCommand(make(ctx));
  return cmd;
}
