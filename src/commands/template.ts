/** `deskline template add|list|show`: service-request templates (fields asked, checklist given). */
import { Command } from 'commander';
import { deskTemplates, readTemplateFile, templateBySlug } from '../io/template-files.js';
import { saveTemplate } from '../store/request-templates.js';
import type { Ctx } from './context.js';
import { cleanLine, table } from './format.js';

export function templateCommand(ctx: Ctx): Command {
  const cmd = new Command('template').description('service-request templates: fields and checklists');
  const desk = async () => (await ctx.desk()).db;

  cmd
    .command('add')
    .description('add a template from a JSON file, or replace the one with its slug')
    .argument('<file>', 'a template as JSON (see fixtures/templates/)')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  deskline template add fixtures/templates/new-hire.json')
    .action(async (file: string, flags: { json?: boolean }) => {
      const template = readTemplateFile(file, ctx.settings().categories);
      const done = await saveTemplate(await desk(), template);
      if (flags.json) return ctx.json({ template, result: done });
      ctx.out(cleanLine(`${done} template ${template.slug}  ${template.name} (${template.items.length} items)`));
    });

  cmd
    .command('list')
    .description('list the templates')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const templates = await deskTemplates(await desk());
      if (flags.json) return ctx.json({ templates });
      ctx.out(
        table(
          ['SLUG', 'NAME', 'FIELDS', 'ITEMS', 'VERIFY'],
          templates.map((t) => [
            t.slug,
            cleanLine(t.name),
            t.fields.map((f) => f.name).join(', '),
            String(t.items.length),
            t.verifyIdentity ? 'yes' : '',
          ]),
        ),
      );
    });

  cmd
    .command('show')
    .description('show a template: its fields and checklist')
    .argument('<slug>', 'e.g. new-hire')
    .option('--json', 'print JSON')
    .action(async (slug: string, flags: { json?: boolean }) => {
      const t = await templateBySlug(await desk(), slug);
      if (flags.json) return ctx.json({ template: t });
      ctx.out(cleanLine(`${t.slug}  ${t.name}  (${t.category}, ${t.priority})`));
      ctx.out(cleanLine(`  title   ${t.title}`));
      if (t.verifyIdentity) ctx.out('  identity must be verified before it is resolved (ticket verify REF --method …)');
      ctx.out('Fields');
      for (const f of t.fields) ctx.out(cleanLine(`  --field ${f.name}=…  ${f.label} (${f.type}${f.required ? ', required' : ''})`));
      ctx.out('Checklist');
      t.items.forEach((item, i) => ctx.out(cleanLine(`  ${i + 1}. ${item.text}${item.required ? '' : ' (optional)'}`)));
    });
  return cmd;
}
