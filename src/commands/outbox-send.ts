/** `deskline outbox send`: deliver what is due over SMTP; exit 6 when a message could not go. */
import { Command } from 'commander';
import { EXIT, fail } from '../errors.js';
import { notConfigured, smtpSettings } from '../io/mail-settings.js';
import { deliverOutbox } from '../io/outbox-deliver.js';
import { formatRef } from '../domain/ticket.js';
import type { Ctx } from './context.js';
import { formatTime } from './format.js';

export function outboxSendCommand(ctx: Ctx): Command {
  return new Command('send')
    .description('send the messages whose time has come (safe from cron and beside the console)')
    .option('--all', 'also those waiting out a retry delay')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  deskline outbox send\n  */5 * * * * deskline outbox send   # crontab')
    .action(async (flags: { all?: boolean; json?: boolean }) => {
      const smtp = smtpSettings(ctx.settings());
      if (!smtp.configured) fail(EXIT.delivery, notConfigured(smtp.missing));
      const { db } = await ctx.desk();
      const report = await deliverOutbox(db, smtp.config, ctx.io.env, { all: flags.all });
      if (flags.json) ctx.json({ sent: report.sent, failures: report.failures, stopped: report.stopped });
      else ctx.out(`${report.sent} sent${report.failures.length ? `, ${report.failures.length} not delivered` : ''}`);
      const first = report.failures[0];
      if (!first) return;
      const where = first.ticketId === null ? `message ${first.id}` : `${formatRef(first.ticketId)} (message ${first.id})`;
      const then = first.status === 'failed' ? 'given up (outbox retry to try again)' : `next try ${formatTime(first.nextAttemptAt)}`;
      fail(EXIT.delivery, `${where} to ${first.to}: ${first.message}; ${then}`);
    });
}
