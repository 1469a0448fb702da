/**
 * `deskline kb import --confluence DIR`: a Confluence space HTML export into the KB, all or nothing.
 * Pages that cannot be converted are listed; then nothing is written unless --skip-unconvertible says
 * to import the rest. Re-importing the same export updates the same articles (by page id).
 */
import { EXIT, fail } from '../errors.js';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';

export interface ConfluenceFlags {
  dryRun?: boolean;
  json?: boolean;
  skipUnconvertible?: boolean;
}

export async function importConfluence(ctx: Ctx, dir: string, flags: ConfluenceFlags): Promise<void> {
  const { readConfluenceExport } = await import('../io/confluence-export.js');
  const found = readConfluenceExport(dir);
  const { articles, unconverted } = found;
  for (const u of unconverted) ctx.note(`cannot convert ${cleanLine(u.file)}: ${cleanLine(u.reason)}`);
  for (const a of articles)
    for (const missing of a.missingAttachments)
      ctx.note(`${cleanLine(a.file)} refers to ${cleanLine(missing)}, which the export does not hold`);
  if (unconverted.length > 0 && !flags.skipUnconvertible) {
    fail(
      EXIT.invalid,
      `${unconverted.length} of ${unconverted.length + articles.length} page(s) in ${dir} could not be converted; nothing imported (--skip-unconvertible imports the rest)`,
    );
  }
  if (articles.length === 0) fail(EXIT.invalid, `no page of ${dir} could be converted; nothing imported`);
  const pageJson = (a: (typeof articles)[number]) => ({
    file: a.file,
    external_id: a.externalId,
    slug: a.article.slug,
    title: a.article.title,
    category: a.article.category,
    attachments: a.attachments,
  });
  const skipped = unconverted.map((u) => ({ file: u.file, reason: u.reason }));
  if (flags.dryRun) {
    if (flags.json) return ctx.json({ dry_run: true, space: found.space, articles: articles.map(pageJson), unconverted: skipped });
    for (const a of articles) ctx.out(`ok  ${cleanLine(a.file)}  ${cleanLine(a.article.title)}  (${a.article.category})`);
    return ctx.note(`dry run: ${articles.length} page(s) convert, ${unconverted.length} do not; nothing written`);
  }
  const { db } = await ctx.desk();
  const [{ upsertExternalArticles }, { ensureTechnician }] = await Promise.all([
    import('../store/kb-external.js'),
    import('../store/technicians.js'),
  ]);
  const summary = await upsertExternalArticles(db, articles, await ensureTechnician(db, ctx.me()));
  if (flags.json) {
    return ctx.json({
      space: found.space,
      created: summary.created,
      updated: summary.updated,
      unchanged: summary.unchanged,
      articles: summary.articles.map((u, i) => ({ ...pageJson(articles[i]!), id: u.article.id, slug: u.article.slug, outcome: u.outcome })),
      unconverted: skipped,
    });
  }
  for (const [i, u] of summary.articles.entries())
    if (u.outcome !== 'unchanged')
      ctx.out(`${u.outcome.padEnd(7)} KB-${u.article.id}  ${cleanLine(articles[i]!.file)}  ${cleanLine(u.article.title)}`);
  const left = unconverted.length ? `; ${unconverted.length} page(s) not converted (listed above)` : '';
  ctx.out(
    `imported ${articles.length} page(s): ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged${left}`,
  );
}
