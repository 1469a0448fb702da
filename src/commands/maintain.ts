/** `deskline maintain`: applies the automatic time rules (close resolved tickets, remind or close pending ones). */
import { Command } from 'commander';
import { automationSettings, TIME_RULES } from '../domain/automation-rules.js';
import { runMaintenance } from '../store/maintain.js';
import { notifySla } from '../store/chat-sla.js';
import type { Ctx } from './context.js';
import { thousands } from './format.js';

export function maintainCommand(ctx: Ctx): Command {
  return new Command('maintain')
    .description('apply the automatic rules: close resolved tickets after N days, remind or close pending ones')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Rules: ${TIME_RULES.map((r) => r.rule).join(', ')}. Settings (deskline config set …):
  workflow.closeResolvedDays  days before a resolved ticket closes (default 7; 0: never)
  workflow.pendingDays        days a pending ticket waits for its requester (default 5)
  workflow.pendingAction      remind | close | off (default remind)
The console runs this at start and every hour; cron can too:
  0 * * * *  deskline maintain
With chat.on.sla.risk or chat.on.sla.breach set, it also queues those notifications (once per ticket and target).`,
    )
    .action(async (flags: { json?: boolean }) => {
      const { db } = await ctx.desk();
      const settings = automationSettings(ctx.settings());
      const { fired } = await runMaintenance(db, settings);
      // SLA risk and breach notifications, when chat rules ask for them (store/chat-sla.ts).
      const told = ['sla.risk', 'sla.breach'].some((e) => ctx.settings()[`chat.on.${e}`]) ? { chat: await notifySla(db) } : {};
      if (flags.json) return ctx.json({ settings, fired, ...told });
      const lines = Object.entries(fired).map(([rule, n]) => `${rule}: ${thousands(n)} ticket(s)`);
      if (told.chat !== undefined) lines.push(`chat notifications queued: ${thousands(told.chat)}`);
      ctx.out(lines.length ? lines.join('\n') : 'no automatic rule is on');
    });
}
