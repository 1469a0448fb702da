/** `deskline kb link HD-7 ARTICLE`, `kb suggest HD-7` and `kb draft HD-7`: the KB beside tickets. */
import { Command } from 'commander';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';
import { articleJson, printResults, resultJson } from './kb-output.js';
import { limitArg } from './kb-read.js';
import { refArg } from './resolve-ref.js';

export function kbLinkCommand(ctx: Ctx): Command {
  return new Command('link')
    .description('record that an article helped a ticket (audited on the ticket)')
    .argument('<ticket>', 'ticket ref, e.g. HD-7')
    .argument('<article>', 'KB-12, 12 or a slug')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  deskline kb link HD-7 vpn-connection')
    .action(async (ticket: string, ref: string, flags: { json?: boolean }) => {
      const id = refArg(ticket);
      const { db } = await ctx.desk();
      const [{ linkArticle }, { ensureTechnician }] = await Promise.all([
        import('../store/kb-links.js'),
        import('../store/technicians.js'),
      ]);
      const linked = await linkArticle(db, id, ref, await ensureTechnician(db, ctx.me()));
      if (flags.json) return ctx.json({ ticket: linked.ticketRef, created: linked.created, article: articleJson(linked.article, false) });
      ctx.out(
        `${linked.created ? 'linked' : 'already linked'} ${linked.ticketRef} → KB-${linked.article.id}  ${cleanLine(linked.article.title)}`,
      );
    });
}

export function kbSuggestCommand(ctx: Ctx): Command {
  return new Command('suggest')
    .description("articles that match a ticket's title and tags")
    .argument('<ticket>', 'ticket ref, e.g. HD-7')
    .option('-n, --limit <n>', 'at most this many', limitArg, 5)
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  deskline kb suggest HD-7 && deskline kb link HD-7 printer-jams')
    .action(async (ticket: string, flags: { limit: number; json?: boolean }) => {
      const id = refArg(ticket);
      const { db } = await ctx.desk();
      const { suggestForTicket } = await import('../store/kb-links.js');
      const suggestions = await suggestForTicket(db, id, flags.limit);
      if (flags.json) return ctx.json({ ticket: `HD-${id}`, suggestions: suggestions.map(resultJson) });
      if (suggestions.length === 0) return ctx.note(`no articles match HD-${id}`);
      printResults(ctx, suggestions);
    });
}

export function kbDraftCommand(ctx: Ctx): Command {
  return new Command('draft')
    .description("write a draft article from a ticket's description, resolution and notes")
    .argument('<ticket>', 'ticket ref, e.g. HD-7')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  deskline kb draft HD-7 && deskline kb edit <slug> --publish')
    .action(async (ticket: string, flags: { json?: boolean }) => {
      const id = refArg(ticket);
      const { db } = await ctx.desk();
      const [{ draftFromTicket }, { ensureTechnician }] = await Promise.all([
        import('../store/kb-links.js'),
        import('../store/technicians.js'),
      ]);
      const article = await draftFromTicket(db, id, await ensureTechnician(db, ctx.me()));
      if (flags.json) return ctx.json({ article: articleJson(article) });
      ctx.out(`drafted KB-${article.id}  ${article.slug}  from HD-${id} (edit it, then: deskline kb edit ${article.slug} --publish)`);
    });
}
