/** A service request's part of `ticket show`: template, fields, checklist and identity checks, as lines and as JSON. */
import { progress } from '../domain/checklist.js';
import { checklistOf, requestOf, verificationsOf } from '../store/checklists.js';
import type { Executor } from '../store/executor.js';
import { formatTime } from './format.js';

export interface RequestPart {
  lines: string[];
  json: Record<string, unknown> | null;
}

export async function requestPart(db: Executor, ticketId: number): Promise<RequestPart> {
  const request = await requestOf(db, ticketId);
  if (!request) return { lines: [], json: null };
  const [items, checks] = await Promise.all([checklistOf(db, ticketId), verificationsOf(db, ticketId)]);
  const lines = ['', `Request ${request.template}  checklist ${progress(items)}`];
  for (const [name, value] of Object.entries(request.fields)) lines.push(`  ${name.padEnd(11)} ${value}`);
  for (const i of items) {
    const mark = i.doneAt === null ? '[ ]' : '[x]';
    const who = i.doneAt === null ? '' : `  (${i.doneBy}, ${formatTime(i.doneAt)})`;
    lines.push(`  ${mark} ${i.position}. ${i.text}${i.required ? '' : ' (optional)'}${who}`);
  }
  if (request.verifyIdentity || checks.length) {
    const last = checks[checks.length - 1];
    lines.push(
      last
        ? `  identity    verified by ${last.verifiedBy} (${last.method}), ${formatTime(last.verifiedAt)}`
        : '  identity    not verified yet',
    );
  }
  const json = {
    template: request.template,
    fields: request.fields,
    checklist: items.map((i) => ({
      position: i.position,
      text: i.text,
      required: i.required,
      done: i.doneAt !== null,
      done_at: i.doneAt === null ? null : new Date(i.doneAt).toISOString(),
      done_by: i.doneBy,
    })),
    identity_required: request.verifyIdentity,
    identity: checks.map((c) => ({ method: c.method, verified_by: c.verifiedBy, verified_at: new Date(c.verifiedAt).toISOString() })),
  };
  return { lines, json };
}
