/** `deskline demo seed`: a realistic, deterministic demo desk (people, tickets, timelines). */
import { Command } from 'commander';
import { EXIT, fail } from '../errors.js';
// demo/size.ts holds only the numbers: demo/seed.ts is imported lazily, so the generator and its
// catalog never load on the CLI's start-up path.
import { DEFAULT_DEMO_TICKETS as DEFAULT_TICKETS, MAX_DEMO_TICKETS as MAX_TICKETS } from '../demo/size.js';
import type { Ctx } from './context.js';
import { thousands } from './format.js';

const count = { format: thousands };

/** "100000", "100,000" or "100_000" → 100000; anything else is refused with one line. */
export function parseCount(flag: string, text: string, min: number, max: number): number {
  const plain = /^\d{1,3}(?:([,_])\d{3})*$/.test(text) || /^\d+$/.test(text) ? text.replace(/[,_]/g, '') : '';
  const value = plain === '' ? NaN : Number(plain);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    fail(EXIT.invalid, `${flag}: must be a whole number from ${count.format(min)} to ${count.format(max)} (got '${text}')`);
  }
  return value;
}

export function demoCommand(ctx: Ctx): Command {
  const demo = new Command('demo').description('demo data to try Deskline with');

  demo
    .command('seed')
    .description('fill the desk with realistic demo tickets, requesters and technicians')
    .option('-n, --tickets <n>', `how many tickets, 1 to ${count.format(MAX_TICKETS)}`, String(DEFAULT_TICKETS))
    .option('--seed <n>', 'random seed: the same seed gives the same desk', '1')
    .option('--append', 'add demo data to a desk that already has tickets')
    .option('--resume', 'finish a demo seed that was interrupted (it writes in chunks; a killed one is reported)')
    .option('--json', 'print a JSON summary')
    .addHelpText(
      'after',
      `
Tickets span the last two years (denser recently): most old ones are closed, recent ones are new,
open, pending or on hold. You are added as a technician with a share of the open tickets.

Examples:
  deskline demo seed                      ${count.format(DEFAULT_TICKETS)} tickets into an empty desk
  deskline demo seed --tickets 100,000    a big desk, to feel the speed
  deskline --db /tmp/demo.db demo seed    a throwaway desk, leaving yours alone
  deskline demo seed --append --seed 7    more (different) tickets on top of existing ones
  deskline demo seed --resume             finish a seed that was interrupted`,
    )
    .action(async (flags: { tickets: string; seed: string; append?: boolean; resume?: boolean; json?: boolean }) => {
      const tickets = parseCount('--tickets', flags.tickets, 1, MAX_TICKETS);
      const seed = parseCount('--seed', flags.seed, 0, 2 ** 32 - 1);
      const me = ctx.me();
      const desk = await ctx.desk();
      const [{ seedDemo }, { starterArticles }] = await Promise.all([import('../demo/seed.js'), import('../io/kb-import.js')]);
      const bar = ctx.io.stderr.isTTY ? progressBar(ctx.io.stderr) : undefined;
      let summary;
      try {
        const options = { tickets, seed, append: flags.append === true, resume: flags.resume === true, me };
        summary = await seedDemo(desk, { ...options, articles: starterArticles(), onProgress: bar?.update });
      } finally {
        bar?.clear();
      }
      if (flags.json) return ctx.json({ seeded: summary });
      ctx.out(
        `seeded ${count.format(summary.tickets)} tickets, ${count.format(summary.requesters)} requesters, ` +
          `${count.format(summary.technicians)} technicians, ${count.format(summary.articles)} KB articles in ${(summary.ms / 1000).toFixed(1)} s`,
      );
    });

  return demo;
}

/** One self-rewriting line on a terminal: `seeding [██████░░░░] 60%  60,000/100,000`. */
function progressBar(stream: NodeJS.WritableStream): { update(done: number, total: number): void; clear(): void } {
  const WIDTH = 24;
  let shown = -1;
  return {
    update(done, total) {
      const percent = Math.floor((done / total) * 100);
      if (percent === shown) return;
      shown = percent;
      const filled = Math.round((percent / 100) * WIDTH);
      stream.write(
        `\r\u001b[Kseeding [${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${String(percent).padStart(3)}%  ${count.format(done)}/${count.format(total)}`,
      );
    },
    clear() {
      if (shown >= 0) stream.write('\r\u001b[K');
    },
  };
}
