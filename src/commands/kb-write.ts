/**
 * `deskline kb add` (from flags, a Markdown file, stdin or $EDITOR) and `kb edit` ($EDITOR, a file,
 * stdin or flags; stores a revision). Store and parser modules load inside the actions.
 */
import { Command, Option } from 'commander';
import { basename } from 'node:path';
import type { RawArticle } from '../domain/kb-article.js';
import { EXIT, fail } from '../errors.js';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';
import { articleJson } from './kb-output.js';
import { commaList } from './options.js';
import { editText, readAll, readTextFile, stdinIsPiped } from './text-input.js';

interface FieldFlags {
  title?: string;
  category?: string;
  tag?: string[];
  audience?: string;
  status?: string;
  json?: boolean;
}

function fieldOptions(cmd: Command): Command {
  return cmd
    .option('-t, --title <text>', 'title (default: front matter, then the first # heading)')
    .option('-c, --category <name>', 'category, e.g. network')
    .option('--tag <tags>', 'tag (repeat or comma-separate)', commaList)
    .addOption(new Option('--audience <who>', 'who may read it').choices(['internal', 'public']))
    .addOption(new Option('--status <s>', 'draft or published').choices(['draft', 'published']))
    .option('--json', 'print the article as JSON');
}

function overrides(flags: FieldFlags): RawArticle {
  return { title: flags.title, category: flags.category, tags: flags.tag, audience: flags.audience, status: flags.status };
}

const TEMPLATE = '---\ntitle: \ncategory: general\ntags: []\naudience: internal\n---\n\n# \n\n## Steps\n\n1. \n';

export function kbAddCommand(ctx: Ctx): Command {
  return fieldOptions(new Command('add'))
    .description('add an article from flags, a Markdown file, stdin (-) or $EDITOR')
    .argument('[file]', 'Markdown file with optional front matter; - reads stdin')
    .option('-b, --body <markdown>', 'the body as an argument')
    .option('--slug <slug>', 'slug (default: from --title when given, else the file name, else from the title)')
    .option('-e, --editor', 'write it in $EDITOR (the default on a terminal)')
    .addHelpText(
      'after',
      `
Examples:
  deskline kb add -t "Map a network drive" -c access --tag drives -b "1. Open File Explorer…"
  deskline kb add notes/vpn-split-tunnel.md --status draft
  cat fix.md | deskline kb add - --title "Teams cache reset"`,
    )
    .action(async (file: string | undefined, flags: FieldFlags & { body?: string; slug?: string; editor?: boolean }) => {
      let text: string;
      let shown = file === '-' ? 'stdin' : (file ?? 'article');
      if (file === '-') text = await readAll(ctx.io.stdin);
      else if (file !== undefined) text = readTextFile(file);
      else if (flags.body !== undefined) text = flags.body;
      else if (stdinIsPiped(ctx.io)) [text, shown] = [await readAll(ctx.io.stdin), 'stdin'];
      else if (flags.editor || ctx.io.stdout.isTTY) text = editText(ctx.io, TEMPLATE);
      else return fail(EXIT.usage, 'no article given: pass a FILE, - for stdin, --body, or --editor');
      const [{ parseArticle }, { slugify }] = await Promise.all([import('../io/markdown-import.js'), import('../domain/kb-text.js')]);
      const name = file && file !== '-' ? basename(file).replace(/\.(md|markdown)$/i, '') : undefined;
      // A title typed with the command names the article better than the file it came in (tbl.md).
      const fromTitle = flags.title === undefined ? '' : slugify(flags.title);
      const input = parseArticle(text, shown, { slug: flags.slug ?? (fromTitle || name), overrides: overrides(flags) });
      const { db } = await ctx.desk();
      const [{ ensureTechnician }, { createArticle }] = await Promise.all([import('../store/technicians.js'), import('../store/kb.js')]);
      const article = await createArticle(db, input, await ensureTechnician(db, ctx.me()));
      if (flags.json) return ctx.json({ article: articleJson(article) });
      ctx.out(`created KB-${article.id}  ${article.slug}  ${cleanLine(article.title)}${article.status === 'draft' ? '  (draft)' : ''}`);
    });
}

export function kbEditCommand(ctx: Ctx): Command {
  return fieldOptions(new Command('edit'))
    .description('edit an article in $EDITOR (or from a file, stdin or flags); the old text is kept as a revision')
    .argument('<article>', 'KB-12, 12 or a slug')
    .argument('[file]', 'replace with this Markdown file (front matter optional); - reads stdin')
    .option('--publish', 'same as --status published')
    .addHelpText(
      'after',
      '\nExamples:\n  deskline kb edit vpn-connection\n  deskline kb edit KB-12 --tag vpn,remote --publish\n  deskline kb edit KB-12 fixed.md',
    )
    .action(async (ref: string, file: string | undefined, flags: FieldFlags & { publish?: boolean }) => {
      const { db } = await ctx.desk();
      const [{ getArticle }, { updateArticle }, { parseArticle }, { articleFile }, { ensureTechnician }] = await Promise.all([
        import('../store/kb.js'),
        import('../store/kb-edit.js'),
        import('../io/markdown-import.js'),
        import('../io/markdown-export.js'),
        import('../store/technicians.js'),
      ]);
      const before = await getArticle(db, ref);
      if (flags.publish) flags.status = 'published';
      const fieldsOnly = file === undefined && Object.values(overrides(flags)).some((v) => v !== undefined);
      let text: string;
      if (file === '-') text = await readAll(ctx.io.stdin);
      else if (file !== undefined) text = readTextFile(file);
      else if (fieldsOnly) text = articleFile(before);
      else if (stdinIsPiped(ctx.io)) text = await readAll(ctx.io.stdin);
      else text = editText(ctx.io, articleFile(before));
      const shown = file === undefined || file === '-' ? before.slug : file;
      const input = parseArticle(text, shown, {
        slug: before.slug,
        fallbackTitle: before.title,
        overrides: overrides(flags),
        base: { category: before.category, tags: before.tags, audience: before.audience, status: before.status },
      });
      const { slug: _slug, ...changes } = input;
      const after = await updateArticle(db, before.id, changes, await ensureTechnician(db, ctx.me()), { expectedVersion: before.version });
      if (flags.json) return ctx.json({ article: articleJson(after), changed: after.version !== before.version });
      ctx.out(
        after.version === before.version
          ? `unchanged KB-${after.id}  ${after.slug}`
          : `updated KB-${after.id}  ${after.slug}  (version ${after.version})`,
      );
    });
}
