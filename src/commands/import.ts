/**
 * `deskline import FORMAT PATH…`: tickets from another help desk, mail, or Deskline's own export, in one
 * transaction (all or nothing, idempotent by external id). The formats are a table (io/import-formats.ts):
 * this command adds every format's options and runs the one it is asked for.
 */
import { Command } from 'commander';
import { statSync } from 'node:fs';
import { EXIT, fail } from '../errors.js';
import { IMPORT_FORMATS, findFormat, type FormatOptions } from '../io/import-formats.js';
import { importLimits } from '../io/import-limits.js';
import type { Ctx } from './context.js';
import { printImport } from './import-output.js';
import { mailTriage, mailTriageJson, MAIL_FORMATS, printMailTriage } from './import-triage.js';
import { progress } from './import-progress.js';

interface ImportFlags extends FormatOptions {
  dryRun?: boolean;
  json?: boolean;
  auto?: boolean;
}

export function importCommand(ctx: Ctx): Command {
  const cmd = new Command('import')
    .description('import tickets from a file: all or nothing, and again imports nothing twice')
    .argument('<format>', IMPORT_FORMATS.map((f) => f.name).join(' | '))
    .argument('<path...>', 'files to read (- for stdin)')
    .option('--dry-run', 'show what would be created, updated and skipped; write nothing')
    .option('--json', 'print JSON')
    .option('--auto', 'mail: apply the triage suggestions above the threshold to the tickets mail opens (else only shown)');
  for (const format of IMPORT_FORMATS) for (const o of format.options) cmd.option(o.flags, `${o.help} (${format.name})`);
  return cmd
    .addHelpText(
      'after',
      `
Formats:
${IMPORT_FORMATS.map((f) => `  ${f.name.padEnd(8)} ${f.summary}`).join('\n')}

A bad record stops the import with its file, line and field (exit 4); nothing is written.

Examples:
  deskline export jsonl --out desk.jsonl && deskline --db new.db import jsonl desk.jsonl
  deskline import jsonl desk.jsonl --dry-run`,
    )
    .action(async (name: string, paths: string[], flags: ImportFlags) => {
      const format = findFormat(name);
      if (!format) fail(EXIT.usage, `unknown format '${name}' (known: ${IMPORT_FORMATS.map((f) => f.name).join(', ')})`);
      if (flags.auto && !MAIL_FORMATS.includes(format.name)) fail(EXIT.usage, `--auto: only for mail imports (${MAIL_FORMATS.join(', ')})`);
      const totalBytes = inputBytes(paths, format.folders === true);
      const [reader, { checkedItems }, { runImport }] = await Promise.all([
        format.load(),
        import('../io/import-check.js'),
        import('../store/import.js'),
      ]);
      const desk = await ctx.desk();
      const bar = progress(ctx.io, flags.dryRun ? 'checking' : 'importing', totalBytes);
      const records = reader(paths, flags, {
        advance: bar.advance,
        note: (t) => ctx.note(t),
        stdin: ctx.io.stdin,
        limits: importLimits(ctx.settings()),
      });
      try {
        const summary = await runImport(desk, checkedItems(records, ctx.settings().categories), {
          actor: ctx.me().name,
          now: Date.now(),
          dryRun: flags.dryRun === true,
          keepLines: flags.dryRun === true || flags.json === true,
          onItem: bar.items,
        });
        bar.end();
        const auto = flags.auto === true;
        const triage = flags.dryRun ? [] : await mailTriage(ctx, summary, auto);
        printImport(ctx, summary, { dryRun: flags.dryRun === true, json: flags.json === true }, mailTriageJson(triage));
        if (!flags.json && !flags.dryRun) printMailTriage(ctx, summary, triage, auto);
      } finally {
        bar.end();
      }
    });
}

/** The bytes to read (for the ETA), or null when unknown (stdin); a missing path is exit 2 before anything starts. */
function inputBytes(paths: readonly string[], folders: boolean): number | null {
  let total = 0;
  for (const path of paths) {
    if (path === '-') return null;
    try {
      const stats = statSync(path);
      if (stats.isDirectory() && !folders) fail(EXIT.invalid, `${path}: is a folder (give the file to import)`);
      total += stats.isFile() ? stats.size : 0;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') fail(EXIT.notFound, `${path}: no such file`);
      throw error;
    }
  }
  return folders ? null : total;
}
