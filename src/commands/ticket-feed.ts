/** `ticket list --changed-since CURSOR`: the change feed for scripts (store/ticket-feed.ts). */
import { EXIT, fail } from '../errors.js';
import { changedSince } from '../store/ticket-feed.js';
import type { Ctx } from './context.js';
import { cleanLine, iso } from './format.js';

export async function printFeed(ctx: Ctx, cursorText: string, limit: number, json: boolean | undefined): Promise<void> {
  if (!/^\d{1,15}$/.test(cursorText.trim()))
    fail(EXIT.invalid, `--changed-since: '${cursorText}' is not a cursor (0 for everything, then the cursor the last run printed)`);
  const { db } = await ctx.desk();
  const page = await changedSince(db, Number(cursorText), limit);
  if (json)
    return ctx.json({
      cursor: String(page.cursor),
      more: page.more,
      count: page.tickets.length,
      tickets: page.tickets.map((t) => ({
        ref: t.ref,
        title: t.title,
        status: t.status,
        priority: t.priority,
        requester: t.requester_name,
        assignee: t.assignee_name,
        updated: iso(t.updated_at),
        version: t.version,
        change: String(t.change_seq),
      })),
    });
  for (const t of page.tickets) ctx.out(cleanLine(`${t.ref}  v${t.version}  ${t.status}  ${t.title}`));
  ctx.note(`cursor ${page.cursor}${page.more ? ' (more: ask again with it)' : ''}`);
}
