/** `ticket create --template SLUG --field name=value …`: a service request with its checklist. */
import { validateTicketInput } from '../domain/ticket-input.js';
import { checkFieldValues, describeFields, parseFieldPairs } from '../domain/template-fields.js';
import { EXIT, fail } from '../errors.js';
import { templateBySlug } from '../io/template-files.js';
import { createRequest, requestTitle } from '../store/requests.js';
import { ensureTechnician } from '../store/technicians.js';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';
import { ticketJson } from './ticket-json.js';

export interface RequestFlags {
  template: string;
  field: string[];
  title?: string;
  description?: string;
  priority?: string;
  category?: string;
  channel?: string;
  tier?: string;
  tag: string[];
  requester?: string;
  assignee?: string;
  externalId?: string;
  fromJson?: string;
  status?: string;
  dryRun?: boolean;
  quiet?: boolean;
  json?: boolean;
}

export async function createFromTemplate(ctx: Ctx, flags: RequestFlags): Promise<void> {
  if (flags.fromJson !== undefined) fail(EXIT.usage, '--template and --from-json cannot be used together');
  if (flags.status !== undefined) fail(EXIT.usage, '--template starts the request as new (or open when assigned): drop --status');
  const { db } = await ctx.desk();
  const template = await templateBySlug(db, flags.template);
  const fields = checkFieldValues(template.fields, parseFieldPairs(flags.field));
  const input = validateTicketInput(
    {
      title: flags.title ?? requestTitle(template, fields),
      description: flags.description ?? describeFields(template, fields),
      priority: flags.priority ?? template.priority,
      category: flags.category ?? template.category,
      channel: flags.channel,
      tier: flags.tier,
      tags: [...flags.tag, template.slug],
      requester: flags.requester,
      assignee: flags.assignee,
      externalId: flags.externalId,
    },
    ctx.settings().categories,
  );
  if (flags.dryRun) {
    if (flags.json) return ctx.json({ dry_run: true, tickets: [{ title: input.title, checklist: template.items }] });
    ctx.out(cleanLine(`would create (new)  ${input.title}  (checklist: ${template.items.length} items)`));
    return ctx.note('dry run: 1 request valid, nothing written');
  }
  const actor = await ensureTechnician(db, ctx.me());
  const created = await createRequest(db, template, fields, input, actor);
  const t = created.ticket;
  if (flags.json) return ctx.json({ tickets: [{ ...ticketJson(t), existing: created.existing, template: template.slug, fields }] });
  if (flags.quiet) return ctx.out(t.ref);
  const what = created.existing ? 'exists ' : 'created';
  ctx.out(
    cleanLine(
      `${what} ${t.ref}  ${t.title}  (checklist: ${template.items.length} items${template.verifyIdentity ? ', identity check' : ''})`,
    ),
  );
}
