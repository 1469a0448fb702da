/**
 * `deskline outbox send`: deliver what is due: chat notifications to their webhooks, mail over SMTP.
 * Exit 4 when a chat channel's settings keep its messages queued (no URL, a malformed one), 6 when
 * a message could not go; mail settings are only needed when mail is waiting.
 */
import { Command } from 'commander';
import { chatRules } from '../domain/chat/rules.js';
import { EXIT, fail } from '../errors.js';
import { deliverChat } from '../io/chat-deliver.js';
import { chatTimeoutMs } from '../io/chat-settings.js';
import { notConfigured, smtpSettings } from '../io/mail-settings.js';
import { deliverOutbox, type DeliveryReport } from '../io/outbox-deliver.js';
import { formatRef } from '../domain/ticket.js';
import { CHAT_KIND } from '../store/chat-notify.js';
import { waitingExcept } from '../store/outbox.js';
import type { Ctx } from './context.js';
import { formatTime } from './format.js';

export function outboxSendCommand(ctx: Ctx): Command {
  return new Command('send')
    .description('send the messages whose time has come: chat notifications and mail (safe from cron and beside the console)')
    .option('--all', 'also those waiting out a retry delay')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  deskline outbox send\n  */5 * * * * deskline outbox send   # crontab')
    .action(async (flags: { all?: boolean; json?: boolean }) => {
      const settings = ctx.settings();
      const rules = chatRules(settings, ctx.me().email);
      const smtp = smtpSettings(settings);
      if (!smtp.configured && !rules) fail(EXIT.delivery, notConfigured(smtp.missing));
      const { db } = await ctx.desk();
      const chat = await deliverChat(db, rules, ctx.io.env, { all: flags.all, timeoutMs: chatTimeoutMs(settings) });
      let mail: DeliveryReport = { sent: 0, failures: [], stopped: false };
      if (smtp.configured) mail = await deliverOutbox(db, smtp.config, ctx.io.env, { all: flags.all });
      const mailWaiting = smtp.configured ? 0 : await waitingExcept(db, [CHAT_KIND]);
      const sent = chat.sent + mail.sent;
      const failures = [...chat.failures, ...mail.failures];
      if (flags.json) ctx.json({ sent, failures, stopped: mail.stopped, problems: chat.problems });
      else ctx.out(`${sent} sent${failures.length ? `, ${failures.length} not delivered` : ''}`);
      for (const extra of chat.problems.slice(1)) ctx.note(extra);
      if (chat.problems[0]) fail(EXIT.invalid, chat.problems[0]);
      const first = failures[0];
      if (first) {
        const where = first.ticketId === null ? `message ${first.id}` : `${formatRef(first.ticketId)} (message ${first.id})`;
        const then = first.status === 'failed' ? 'given up (outbox retry to try again)' : `next try ${formatTime(first.nextAttemptAt)}`;
        fail(EXIT.delivery, `${where} to ${first.to}: ${first.message}; ${then}`);
      }
      if (!smtp.configured && mailWaiting > 0) fail(EXIT.delivery, notConfigured(smtp.missing));
    });
}
