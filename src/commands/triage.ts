/** `deskline triage train | eval`: the triage assistant's model, rebuilt and measured. */
import { Command } from 'commander';
import { trainModel } from '../store/triage-train.js';
import { evaluateDesk } from '../store/triage-suggest.js';
import type { Ctx } from './context.js';
import { table, thousands } from './format.js';

const fixed = (x: number) => x.toFixed(3);

export function triageCommand(ctx: Ctx): Command {
  const cmd = new Command('triage').description('the triage assistant: learn from resolved tickets, measure how good it is');
  cmd
    .command('train')
    .description('rebuild the model from every resolved and closed ticket (resolves also teach it, one at a time)')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const { db } = await ctx.desk();
      const r = await trainModel(db);
      if (flags.json) return ctx.json({ learned: r.learned, vocabulary: r.vocabulary, counts: r.counts, ms: r.ms });
      ctx.out(
        `learned ${thousands(r.learned)} resolved tickets: ${thousands(r.vocabulary)} words and word pairs, ${thousands(r.counts)} counts (${r.ms} ms)`,
      );
    });
  cmd
    .command('eval')
    .description('older 80 % of resolved tickets learn, newer 20 % test: accuracy and macro-F1 per field beside the majority class')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const { db } = await ctx.desk();
      const e = await evaluateDesk(db);
      if (flags.json)
        return ctx.json({
          learned: e.learned,
          tested: e.tested,
          fields: e.fields.map((f) => ({
            field: f.field,
            accuracy: f.model.accuracy,
            macro_f1: f.model.macroF1,
            baseline: { label: f.baseline.label, accuracy: f.baseline.accuracy, macro_f1: f.baseline.macroF1 },
            suggested_share: f.suggested,
            suggested_accuracy: f.suggestedAccuracy,
          })),
        });
      ctx.out(`learned from ${thousands(e.learned)}, tested on ${thousands(e.tested)} newer resolved tickets`);
      const rows = e.fields.map((f) => [
        f.field,
        fixed(f.model.accuracy),
        fixed(f.model.macroF1),
        `${fixed(f.baseline.accuracy)} (${f.baseline.label})`,
        fixed(f.baseline.macroF1),
        `${Math.round(f.suggested * 100)} %`,
        f.suggested ? fixed(f.suggestedAccuracy) : '—',
      ]);
      ctx.out(table(['field', 'accuracy', 'macro-F1', 'majority acc.', 'majority F1', 'suggested', 'right when suggested'], rows));
    });
  return cmd;
}
