/** `deskline mail fetch`: new mail from the IMAP folder onto the desk (safe from cron and beside the console). */
import { Command } from 'commander';
import { EXIT, fail } from '../errors.js';
import { acknowledgeSettings } from '../io/acknowledge-settings.js';
import { imapPassword, imapSettings, intakeNotConfigured } from '../io/imap-settings.js';
import type { Ctx } from './context.js';
import { fetchJson, fetchLines } from './mail-output.js';

export function mailCommand(ctx: Ctx): Command {
  const cmd = new Command('mail').description('mail intake: fetch new messages from the IMAP mailbox');
  cmd
    .command('fetch')
    .description('take new messages from the folder (new tickets, replies threaded) and move or flag them')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  deskline mail fetch\n  */5 * * * * deskline mail fetch   # crontab')
    .action(async (flags: { json?: boolean }) => {
      const settings = ctx.settings();
      const imap = imapSettings(settings);
      if (!imap.configured) fail(EXIT.invalid, intakeNotConfigured(imap.missing));
      const acknowledge = acknowledgeSettings(settings);
      const password = imapPassword(imap.config, ctx.io.env);
      const desk = await ctx.desk();
      const { fetchMail } = await import('../io/mail-fetch.js');
      const report = await fetchMail(desk, imap.config, password, { acknowledge });
      if (flags.json) ctx.json(fetchJson(report));
      else ctx.out(fetchLines(report).join('\n'));
    });
  return cmd;
}
