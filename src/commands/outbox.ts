/** `deskline outbox list|show|retry|drop|send`: outgoing mail, waiting until it can leave. */
import { Command, Option } from 'commander';
import { EXIT, fail } from '../errors.js';
import { notConfigured, smtpSettings } from '../io/mail-settings.js';
import { dropMessage, getOutboxMessage, listOutbox, outboxCounts, retryMessages } from '../store/outbox.js';
import type { Ctx } from './context.js';
import { outboxSendCommand } from './outbox-send.js';
import { outboxDetail, outboxJson, outboxTable } from './outbox-output.js';

const idArg = (value: string) =>
  /^\d{1,12}$/.test(value) ? Number(value) : fail(EXIT.invalid, `id: '${value}' is not an outbox message id`);

export function outboxCommand(ctx: Ctx): Command {
  const cmd = new Command('outbox').description('outgoing mail and chat notifications: list, show, retry, drop, send');

  cmd
    .command('list')
    .description('messages waiting, failed or sent (newest first)')
    .addOption(new Option('--status <status>', 'only these').choices(['waiting', 'queued', 'sending', 'sent', 'failed']))
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON')
    .action(async (flags: { status?: 'waiting'; limit: string; json?: boolean }) => {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
        fail(EXIT.invalid, `--limit: '${flags.limit}' must be a whole number from 1 to 100000`);
      const smtp = smtpSettings(ctx.settings());
      const { db } = await ctx.desk();
      const [rows, counts] = await Promise.all([listOutbox(db, { status: flags.status, limit }), outboxCounts(db)]);
      if (flags.json) return ctx.json({ delivery: { configured: smtp.configured }, counts, messages: rows.map(outboxJson) });
      ctx.out(
        smtp.configured ? `delivery: ${smtp.config.host}:${smtp.config.port} (${smtp.config.security})` : notConfigured(smtp.missing),
      );
      ctx.out(`${counts.waiting} waiting, ${counts.failed} failed`);
      if (rows.length) ctx.out(outboxTable(rows, Date.now(), ctx.io.stdout.columns ?? 120));
    });

  cmd
    .command('show')
    .description('one message: headers, state, text')
    .argument('<id>')
    .option('--json', 'print JSON')
    .action(async (id: string, flags: { json?: boolean }) => {
      const { db } = await ctx.desk();
      const row = await getOutboxMessage(db, idArg(id));
      if (flags.json) return ctx.json({ message: outboxJson(row) });
      ctx.out(outboxDetail(row, Date.now()));
    });

  cmd
    .command('retry')
    .description('try a waiting or failed message (or --all) at the next send, without waiting')
    .argument('[id]')
    .option('--all', 'every waiting or failed message')
    .action(async (id: string | undefined, flags: { all?: boolean }) => {
      if ((id === undefined) === !flags.all) fail(EXIT.usage, 'outbox retry: give a message id or --all');
      const { db } = await ctx.desk();
      const n = await retryMessages(db, id === undefined ? null : idArg(id));
      ctx.out(`${n} ${n === 1 ? 'message' : 'messages'} to send at the next outbox send`);
    });

  cmd
    .command('drop')
    .description('delete a message that has not been sent')
    .argument('<id>')
    .action(async (id: string) => {
      const { db } = await ctx.desk();
      const row = await dropMessage(db, idArg(id));
      ctx.out(`dropped outbox message ${row.id} to ${row.to_address}`);
    });

  cmd.addCommand(outboxSendCommand(ctx));
  return cmd;
}
