/**
 * `ticket attach HD-7 FILE…` and `ticket attachment list|save HD-7 [N [PATH]]`: files on a ticket, stored
 * by content hash beside the database, within the size limit of the `attachments.max_mb` setting.
 */
import { Command } from 'commander';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { safeFileName } from '../domain/file-name.js';
import { EXIT, fail } from '../errors.js';
import { describeFileError, writePrivateFile } from '../private-files.js';
import type { Ctx } from './context.js';
import { cleanLine, formatTime } from './format.js';
import { refArg } from './resolve-ref.js';

export const DEFAULT_MAX_MB = 25;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const sizeText = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : mb(bytes);

export function maxAttachmentBytes(ctx: Ctx): number {
  const set = Number(ctx.settings()['attachments.max_mb']);
  return (Number.isFinite(set) && set > 0 ? set : DEFAULT_MAX_MB) * 1024 * 1024;
}

function readInput(path: string, max: number): Buffer {
  try {
    const stats = statSync(path);
    if (!stats.isFile()) fail(EXIT.invalid, `${path}: not a file`);
    if (stats.size > max)
      fail(
        EXIT.invalid,
        `${path}: ${sizeText(stats.size)} is over the attachment limit of ${sizeText(max)} (deskline config set attachments.max_mb N)`,
      );
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') fail(EXIT.notFound, `${path}: no such file`);
    if ((error as NodeJS.ErrnoException).code) fail(EXIT.invalid, `${path}: ${describeFileError(error, path)}`);
    throw error;
  }
}

export function ticketAttachCommand(ctx: Ctx): Command {
  return new Command('attach')
    .description('attach files to a ticket (stored beside the database, once per content)')
    .argument('<ref>', 'ticket ref, e.g. HD-7')
    .argument('<files...>', 'files to attach')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  deskline ticket attach HD-7 screenshot.png event.log\n  deskline ticket attachment save HD-7 1')
    .action(async (ref: string, paths: string[], flags: { json?: boolean }) => {
      const id = refArg(ref);
      const max = maxAttachmentBytes(ctx);
      const files = paths.map((path) => ({ name: basename(path), data: readInput(path, max) }));
      const desk = await ctx.desk();
      const [{ addAttachments, listAttachments }, { ensureTechnician }] = await Promise.all([
        import('../store/attachments.js'),
        import('../store/technicians.js'),
      ]);
      const rows = await addAttachments(desk, id, files, await ensureTechnician(desk.db, ctx.me()));
      const all = await listAttachments(desk.db, id);
      const numbered = rows.map((r) => ({ n: all.findIndex((a) => a.id === r.id) + 1, row: r }));
      if (flags.json)
        return ctx.json({
          ref: `HD-${id}`,
          attachments: numbered.map(({ n, row }) => ({ n, name: row.name, size: row.size, sha256: row.sha256 })),
        });
      for (const { n, row } of numbered) ctx.out(`attached ${n}. ${cleanLine(row.name)}  (${sizeText(row.size)}) to HD-${id}`);
    });
}

export function ticketAttachmentCommand(ctx: Ctx): Command {
  const cmd = new Command('attachment').description("list a ticket's attachments or save one to a file");
  cmd
    .command('list')
    .description("a ticket's attachments, numbered")
    .argument('<ref>', 'ticket ref')
    .option('--json', 'print JSON')
    .action(async (ref: string, flags: { json?: boolean }) => {
      const id = refArg(ref);
      const { db } = await ctx.desk();
      const [{ listAttachments }, { getTicket }] = await Promise.all([
        import('../store/attachments.js'),
        import('../store/ticket-view.js'),
      ]);
      await getTicket(db, id);
      const rows = await listAttachments(db, id);
      if (flags.json) return ctx.json({ ref: `HD-${id}`, attachments: rows.map((r, i) => attachmentJson(r, i + 1)) });
      if (rows.length === 0) return ctx.out(`HD-${id} has no attachments`);
      for (const [i, r] of rows.entries()) ctx.out(attachmentLine(r, i + 1));
    });
  cmd
    .command('save')
    .description('save attachment N of a ticket to PATH (a file or folder; default: its name, here)')
    .argument('<ref>', 'ticket ref')
    .argument('<n>', 'its number in `ticket show`')
    .argument('[path]', 'where to save it')
    .option('-f, --force', 'replace a file that is there')
    .action(async (ref: string, nText: string, path: string | undefined, flags: { force?: boolean }) => {
      const id = refArg(ref);
      const n = Number(nText);
      if (!Number.isSafeInteger(n) || n < 1) fail(EXIT.invalid, `'${nText}' is not an attachment number (1, 2, …)`);
      const desk = await ctx.desk();
      const { readAttachment } = await import('../store/attachments.js');
      const { row, data } = await readAttachment(desk, id, n);
      // The stored name is only ever a last path segment: it can never leave the folder it is saved in.
      const name = safeFileName(row.name, `HD-${id}-attachment-${n}`);
      const target = path === undefined ? name : existsSync(path) && statSync(path).isDirectory() ? join(path, name) : path;
      if (existsSync(target) && !flags.force) fail(EXIT.conflict, `${target} exists: use --force to replace it`);
      try {
        writePrivateFile(target, data);
      } catch (error) {
        fail(EXIT.invalid, `${target}: ${describeFileError(error, target)}`);
      }
      ctx.out(`saved ${cleanLine(row.name)} (${sizeText(row.size)}) to ${target}`);
    });
  return cmd;
}

export interface AttachmentLike {
  name: string;
  size: number;
  added_by: string;
  created_at: number;
  sha256: string;
  content_type: string | null;
}

export const attachmentLine = (r: AttachmentLike, n: number) =>
  `  ${n}. ${cleanLine(r.name)}  ${sizeText(r.size)}  ${formatTime(r.created_at)}  ${cleanLine(r.added_by)}`;

export const attachmentJson = (r: AttachmentLike, n: number) => ({
  n,
  name: r.name,
  size: r.size,
  content_type: r.content_type,
  sha256: r.sha256,
  added_by: r.added_by,
  created_at: new Date(r.created_at).toISOString(),
});
