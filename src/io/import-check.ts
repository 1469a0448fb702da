/**
 * Checks a format's records (./import-record.ts) and turns them into what the store writes
 * (store/import-types.ts): the ticket's fields by the rules every face uses (domain/ticket-input.ts),
 * people, timeline entries and attachments; a problem names the record's place and field, exit 4.
 */
import { InputError, validateTicketInput } from '../domain/ticket-input.js';
import { textProblem } from '../domain/text-rules.js';
import { INTERACTION_KINDS } from '../domain/ticket.js';
import { safeFileName } from '../domain/file-name.js';
import type { ImportItemIn, ImportPersonIn, ImportTicketIn } from '../store/import-types.js';
import { placeText, RecordError, type ImportItem, type ImportPerson, type ImportRecord, type RecordPlace } from './import-record.js';

const MAX_BODY = 1_000_000;
const NO_RESOLUTION = '(resolved before the import; no resolution recorded)';
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export async function* checkedItems(items: AsyncIterable<ImportItem>, categories?: readonly string[]): AsyncGenerator<ImportItemIn> {
  for await (const item of items) {
    if (item.kind === 'row') yield { kind: 'row', place: placeText(item.at), table: item.table, row: item.row };
    else if (item.kind === 'mail') yield { kind: 'mail', place: placeText(item.at), mail: item.mail };
    else yield checkRecord(item, categories);
  }
}

export function checkRecord(r: ImportRecord, categories?: readonly string[]): ImportTicketIn {
  const t = r.ticket;
  let input;
  try {
    input = validateTicketInput(
      {
        title: t.title,
        description: t.description ?? undefined,
        status: t.status ?? undefined,
        priority: t.priority ?? undefined,
        category: t.category ?? undefined,
        channel: t.channel ?? undefined,
        tier: t.tier ?? undefined,
        // A ticket solved elsewhere may come without the words of its solution; the rules ask for some.
        resolution: t.resolution ?? (/^(resolved|solved|closed)$/i.test(t.status ?? '') ? NO_RESOLUTION : undefined),
        tags: [...r.tags],
        externalId: r.externalId ?? undefined,
        createdAt: t.createdAt ?? undefined,
        updatedAt: t.updatedAt ?? undefined,
        firstResponseAt: t.firstResponseAt ?? undefined,
        resolvedAt: t.resolvedAt ?? undefined,
        closedAt: t.closedAt ?? undefined,
      },
      categories,
    );
  } catch (error) {
    if (error instanceof InputError) throw new RecordError(r.at, error.field, error.message.slice(error.field.length + 2));
    throw error;
  }
  return {
    kind: 'ticket',
    place: placeText(r.at),
    externalId: input.externalId,
    input,
    requester: r.requester ? person(r.requester, r.at, 'requester') : null,
    assignee: r.assignee ? person(r.assignee, r.at, 'assignee') : null,
    interactions: r.interactions.map((x, i) => {
      const field = `interactions[${i}]`;
      if (!(INTERACTION_KINDS as readonly string[]).includes(x.kind)) {
        throw new RecordError(r.at, `${field}.kind`, `must be one of ${INTERACTION_KINDS.join(', ')} (got '${x.kind}')`);
      }
      if (!Number.isFinite(x.createdAt)) throw new RecordError(r.at, `${field}.createdAt`, 'must be a time');
      return {
        kind: x.kind,
        author: x.author ? person(x.author, r.at, `${field}.author`) : null,
        byRequester: x.byRequester === true,
        body: text(x.body, r.at, `${field}.body`),
        minutes: Math.max(0, Math.round(x.minutes ?? 0)),
        createdAt: x.createdAt,
      };
    }),
    attachments: r.attachments.map((a, i) => ({
      name: safeFileName(a.name, `attachment-${i + 1}`),
      data: a.data,
      contentType: a.contentType ?? null,
      createdAt: a.createdAt ?? null,
    })),
    history: (r.history ?? []).map((c) => ({ at: c.at, field: c.field, from: c.from, to: c.to, actor: c.actor ?? null })),
  };
}

function text(value: string, at: RecordPlace, field: string): string {
  if (typeof value !== 'string') throw new RecordError(at, field, 'must be text');
  const problem = textProblem(value, 'text');
  if (problem) throw new RecordError(at, field, problem);
  if (value.length > MAX_BODY) throw new RecordError(at, field, `is longer than ${MAX_BODY} characters`);
  return value;
}

function person(p: ImportPerson, at: RecordPlace, field: string): ImportPersonIn {
  const email = p.email?.trim().toLowerCase() || null;
  if (email && !EMAIL.test(email)) throw new RecordError(at, `${field}.email`, `'${email}' is not an email address`);
  const name = (p.name ?? '').trim() || (email ? email.split('@')[0]! : '');
  if (name === '') throw new RecordError(at, field, 'needs a name or an email');
  const problem = textProblem(name, 'line');
  if (problem) throw new RecordError(at, `${field}.name`, problem);
  return { name, email, phone: p.phone?.trim() || null, department: p.department?.trim() || null };
}
