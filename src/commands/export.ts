/** `deskline export jsonl|csv [--out PATH]`: the whole desk (jsonl, re-importable) or tickets as a table (csv). */
import { Command, Option } from 'commander';
import type { Ctx } from './context.js';
import { commaList } from './options.js';

interface ExportFlags {
  out?: string;
  columns: string[];
  interactions?: boolean;
}

export function exportCommand(ctx: Ctx): Command {
  return new Command('export')
    .description('export the desk: jsonl = everything (import jsonl reads it back), csv = tickets or timelines')
    .argument('<format>', 'jsonl | csv')
    .addOption(new Option('-o, --out <path>', 'file to write (created 0600; default stdout)'))
    .option('--columns <list>', 'csv: ticket columns, comma-separated (default all)', commaList, [])
    .option('--interactions', 'csv: the timelines instead of the tickets')
    .addHelpText(
      'after',
      `
Examples:
  deskline export jsonl --out desk.jsonl
  deskline export csv --columns ref,title,status,requester,created --out tickets.csv
  deskline export csv --interactions --out timeline.csv`,
    )
    .action(async (format: string, flags: ExportFlags) => {
      const { EXIT, fail } = await import('../errors.js');
      if (format !== 'jsonl' && format !== 'csv') fail(EXIT.usage, `unknown format '${format}' (known: jsonl, csv)`);
      const { openOutput } = await import('../io/output-stream.js');
      const desk = await ctx.desk();
      const out = openOutput(flags.out, ctx.io.stdout);
      try {
        if (format === 'jsonl') {
          const { writeJsonl } = await import('../io/jsonl-export.js');
          const counts = await writeJsonl(desk, out);
          if (flags.out)
            ctx.note(
              `exported ${Object.entries(counts)
                .map(([t, n]) => `${n.toLocaleString('en-US')} ${t}`)
                .join(', ')} to ${flags.out}`,
            );
        } else {
          const { writeCsv } = await import('../io/csv-export.js');
          const n = await writeCsv(desk, out, flags.interactions ? 'interactions' : 'tickets', flags.columns);
          if (flags.out)
            ctx.note(`exported ${n.toLocaleString('en-US')} ${flags.interactions ? 'interactions' : 'tickets'} to ${flags.out}`);
        }
      } finally {
        await out.close();
      }
    });
}
