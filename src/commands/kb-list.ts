/** `deskline kb list`: the articles as a table (id, slug, title, tags, updated), newest change first; --json. */
import { Command, Option } from 'commander';
import { EXIT, fail } from '../errors.js';
import type { Ctx } from './context.js';
import { cleanLine, iso, table, thousands } from './format.js';

interface ListFlags {
  limit: string;
  category?: string;
  status?: 'draft' | 'published';
  json?: boolean;
}

export function kbListCommand(ctx: Ctx): Command {
  return new Command('list')
    .alias('ls')
    .description('list articles, most recently updated first')
    .option('-n, --limit <n>', 'show at most n articles', '50')
    .option('-c, --category <name>', 'only this category')
    .addOption(new Option('--status <s>', 'only drafts or published ones').choices(['draft', 'published']))
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  deskline kb list\n  deskline kb list -c network --json\n  deskline kb list --status draft')
    .action(async (flags: ListFlags) => {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
        fail(EXIT.invalid, `--limit: '${flags.limit}' must be a whole number from 1 to 100000`);
      const { db } = await ctx.desk();
      const { articleSummaries } = await import('../store/kb.js');
      const { articles, total } = await articleSummaries(db, { limit, category: flags.category?.toLowerCase(), status: flags.status });
      if (flags.json)
        return ctx.json({ total, count: articles.length, articles: articles.map((a) => ({ ...a, updated_at: iso(a.updated_at) })) });
      if (articles.length) {
        const rows = articles.map((a) => [
          `KB-${a.id}`,
          cleanLine(a.slug),
          cleanLine(a.title) + (a.status === 'draft' ? ' (draft)' : ''),
          cleanLine(a.tags.join(', ')) || '—',
          iso(a.updated_at)!.slice(0, 16).replace('T', ' '),
        ]);
        ctx.out(table(['ID', 'SLUG', 'TITLE', 'TAGS', 'UPDATED'], rows, { maxWidth: ctx.io.stdout.columns ?? Infinity, flexible: 2 }));
      }
      ctx.note(
        articles.length < total
          ? `showing ${thousands(articles.length)} of ${thousands(total)} (use --limit)`
          : `${thousands(total)} article(s)`,
      );
    });
}
