/** `deskline kb import DIR` (all or nothing, re-import updates) and `kb export DIR` (round-trips). */
import { Command } from 'commander';
import { EXIT, fail } from '../errors.js';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';
import { articleJson } from './kb-output.js';

interface ImportFlags {
  starter?: boolean;
  confluence?: string;
  skipUnconvertible?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

export function kbImportCommand(ctx: Ctx): Command {
  return new Command('import')
    .description('import a folder of Markdown articles (front matter optional); all or nothing')
    .argument('[dir]', 'folder of .md files; the top folder names the category')
    .option('--starter', 'the starter articles that ship with Deskline (fixtures/kb)')
    .option('--confluence <dir>', 'a Confluence space HTML export (pages become Markdown; re-import updates)')
    .option('--skip-unconvertible', 'with --confluence: import the pages that convert, list the others')
    .option('--dry-run', 'check every file, write nothing')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Front matter keys: title, category, tags, audience (internal|public), status (draft|published).
Without them the title is the first # heading (else the file name) and the category the folder.
The file name is the slug: importing the same file again updates its article. README.md files
describe their folder and are skipped.

Examples:
  deskline kb import ./kb
  deskline kb import ./kb --dry-run
  deskline kb import --starter
  deskline kb import --confluence ./IT-space-export --dry-run`,
    )
    .action(async (dir: string | undefined, flags: ImportFlags) => {
      const sources = [dir !== undefined, flags.starter === true, flags.confluence !== undefined].filter(Boolean).length;
      if (sources !== 1) fail(EXIT.usage, 'give one of: a folder of Markdown files, --starter, --confluence DIR');
      if (flags.skipUnconvertible && !flags.confluence) fail(EXIT.usage, '--skip-unconvertible goes with --confluence DIR');
      if (flags.confluence !== undefined) return (await import('./kb-confluence.js')).importConfluence(ctx, flags.confluence, flags);
      const [{ readMarkdownDir }, { starterKbDir }] = await Promise.all([import('../io/markdown-import.js'), import('../io/kb-import.js')]);
      const files = readMarkdownDir(dir ?? starterKbDir(), (path) =>
        ctx.note(`skipped ${cleanLine(path)}: a folder's README, not an article`),
      );
      if (flags.dryRun) {
        if (flags.json)
          return ctx.json({ dry_run: true, articles: files.map((f) => ({ path: f.path, slug: f.article.slug, title: f.article.title })) });
        for (const f of files) ctx.out(`ok  ${cleanLine(f.path)}  ${cleanLine(f.article.title)}`);
        return ctx.note(`dry run: ${files.length} article(s) valid, nothing written`);
      }
      const { db } = await ctx.desk();
      const [{ upsertArticles }, { ensureTechnician }] = await Promise.all([
        import('../store/kb-upsert.js'),
        import('../store/technicians.js'),
      ]);
      const summary = await upsertArticles(
        db,
        files.map((f) => f.article),
        await ensureTechnician(db, ctx.me()),
      );
      if (flags.json) {
        return ctx.json({
          created: summary.created,
          updated: summary.updated,
          unchanged: summary.unchanged,
          articles: summary.articles.map((u, i) => ({ path: files[i]!.path, outcome: u.outcome, ...articleJson(u.article, false) })),
        });
      }
      for (const [i, u] of summary.articles.entries())
        if (u.outcome !== 'unchanged') ctx.out(`${u.outcome.padEnd(7)} KB-${u.article.id}  ${cleanLine(files[i]!.path)}`);
      ctx.out(`imported ${files.length} file(s): ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged`);
    });
}

export function kbExportCommand(ctx: Ctx): Command {
  return new Command('export')
    .description('write every article as DIR/<category>/<slug>.md with front matter (re-importable)')
    .argument('<dir>', 'folder to write (created if missing); files of the same name are replaced')
    .option('--published', 'only published articles')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  deskline kb export ./kb-backup && deskline kb import ./kb-backup')
    .action(async (dir: string, flags: { published?: boolean; json?: boolean }) => {
      const { db } = await ctx.desk();
      const [{ listArticles }, { writeMarkdownDir }] = await Promise.all([import('../store/kb.js'), import('../io/markdown-export.js')]);
      const articles = await listArticles(db, flags.published ? { status: 'published' } : {});
      const written = writeMarkdownDir(dir, articles);
      if (flags.json) return ctx.json({ dir, files: written });
      ctx.out(`exported ${written.length} article(s) to ${dir}`);
    });
}
