/**
 * `deskline kb search`, `kb show` (src/io/markdown-render.ts, or --raw) and `kb history`.
 * fuse.js and marked load only inside these actions (dynamic imports).
 */
import { Command } from 'commander';
import { EXIT, fail } from '../errors.js';
import type { Ctx } from './context.js';
import { clean, cleanLine, formatTime, paint } from './format.js';
import { articleJson, printResults, resultJson } from './kb-output.js';
import { trustRendererStyles } from './terminal-text.js';

export function limitArg(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 200) fail(EXIT.invalid, `--limit: '${text}' must be a whole number from 1 to 200`);
  return n;
}

export function kbSearchCommand(ctx: Ctx): Command {
  return new Command('search')
    .alias('find')
    .description('search articles: words, prefixes, synonyms and typos; best first')
    .argument('<query...>', 'words to look for (quotes optional)')
    .option('-n, --limit <n>', 'at most this many results', limitArg, 10)
    .option('--drafts', 'include draft articles')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  deskline kb search vpn wont connect\n  deskline kb search "pritner jam" --limit 3 --json')
    .action(async (words: string[], flags: { limit: number; drafts?: boolean; json?: boolean }) => {
      const query = words.join(' ');
      const { db } = await ctx.desk();
      const { searchKb } = await import('../store/kb-search.js');
      const results = await searchKb(db, query, { limit: flags.limit, includeDrafts: flags.drafts });
      if (flags.json) return ctx.json({ query, searched: results[0]?.searched ?? [], results: results.map(resultJson) });
      if (results.length === 0) return ctx.note(`no articles match '${cleanLine(query)}'`);
      printResults(ctx, results);
    });
}

export function kbShowCommand(ctx: Ctx): Command {
  return new Command('show')
    .description('show an article rendered for the terminal (--raw for the Markdown source)')
    .argument('<article>', 'KB-12, 12 or a slug')
    .option('--raw', 'print the Markdown source with its front matter')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  deskline kb show vpn-connection\n  deskline kb show KB-12 --raw > vpn.md')
    .action(async (ref: string, flags: { raw?: boolean; json?: boolean }) => {
      const { db } = await ctx.desk();
      const { getArticle, recordView } = await import('../store/kb.js');
      const article = await getArticle(db, ref);
      await recordView(db, article.id);
      if (flags.json) return ctx.json({ article: articleJson(article) });
      if (flags.raw) {
        const { articleFile } = await import('../io/markdown-export.js');
        return ctx.out(clean(articleFile(article)));
      }
      const { renderMarkdown } = await import('../io/markdown-render.js');
      const meta =
        `KB-${article.id}  ${article.slug}  ·  ${article.category}  ·  ${article.audience}  ·  ${article.status}` +
        `${article.tags.length ? `  ·  ${article.tags.join(', ')}` : ''}\nby ${article.author}, updated ${formatTime(article.updated_at)}` +
        `  ·  version ${article.version}  ·  helped ${article.helped_count} ticket(s)`;
      const startsWithTitle = /^#\s/.test(article.body);
      if (!startsWithTitle) ctx.out(paint(ctx.color, 'bold', cleanLine(article.title)));
      ctx.out(paint(ctx.color, 'gray', cleanLine(meta.split('\n')[0]!) + '\n' + cleanLine(meta.split('\n')[1]!)));
      ctx.out('');
      ctx.out(trustRendererStyles(renderMarkdown(article.body, { color: ctx.color, width: Math.min(ctx.io.stdout.columns ?? 80, 100) })));
    });
}

export function kbHistoryCommand(ctx: Ctx): Command {
  return new Command('history')
    .description("an article's revisions: who changed what, when (old bodies with --json)")
    .argument('<article>', 'KB-12, 12 or a slug')
    .option('--json', 'print JSON, including each previous title and body')
    .action(async (ref: string, flags: { json?: boolean }) => {
      const { db } = await ctx.desk();
      const { articleRevisions, getArticle } = await import('../store/kb.js');
      const article = await getArticle(db, ref);
      const revisions = await articleRevisions(db, article.id);
      if (flags.json) {
        return ctx.json({
          article: articleJson(article, false),
          revisions: revisions.map((r) => ({
            version: r.version,
            action: r.action,
            actor: r.actor,
            at: new Date(r.at).toISOString(),
            note: r.note,
            old_title: r.old_title,
            old_body: r.old_body,
          })),
        });
      }
      ctx.out(paint(ctx.color, 'bold', `KB-${article.id}  ${cleanLine(article.title)}`));
      for (const r of revisions)
        ctx.out(
          `  v${String(r.version).padEnd(3)} ${formatTime(r.at)}  ${r.action.padEnd(7)} ${cleanLine(r.actor)}${r.note ? `  ${cleanLine(r.note)}` : ''}`,
        );
    });
}
