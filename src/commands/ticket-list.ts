/** `deskline ticket list [query]`: the queue as text, JSON or CSV — never silently truncated. */
import { Command } from 'commander';
import { EXIT, fail } from '../errors.js';
import { countTickets, listTickets, planText, type TicketListRow } from '../store/ticket-list.js';
import type { Ctx } from './context.js';
import { cleanLine, iso, paint, shortDuration, table, thousands, type Color } from './format.js';
import { acceptDashTerms } from './dash-terms.js';
import { filterContext, joinArgs, parseOrFail } from './ticket-query.js';

interface Column {
  header: string;
  text(row: TicketListRow, now: number): string;
  json(row: TicketListRow): unknown;
  color?(row: TicketListRow): Color | undefined;
}

const PRIORITY_COLOR: Record<string, Color> = { urgent: 'red', high: 'yellow', normal: 'blue', low: 'gray' };

/** Every column `--columns` can name, as data. */
export const COLUMNS: Record<string, Column> = {
  ref: { header: 'REF', text: (r) => r.ref, json: (r) => r.ref },
  prio: { header: 'PRIO', text: (r) => r.priority, json: (r) => r.priority, color: (r) => PRIORITY_COLOR[r.priority] },
  status: { header: 'STATUS', text: (r) => r.status, json: (r) => r.status },
  age: { header: 'AGE', text: (r, now) => shortDuration(now - r.created_at), json: (r) => iso(r.created_at) },
  due: {
    header: 'DUE',
    text: (r, now) => (r.next_due_at === null ? '—' : shortDuration(r.next_due_at - now)),
    json: (r) => iso(r.next_due_at),
    color: (r) => (r.next_due_at !== null && r.next_due_at < Date.now() ? 'red' : undefined),
  },
  requester: { header: 'REQUESTER', text: (r) => cleanLine(r.requester_name) || '—', json: (r) => r.requester_name },
  assignee: { header: 'ASSIGNEE', text: (r) => cleanLine(r.assignee_name) || '—', json: (r) => r.assignee_name },
  tier: { header: 'TIER', text: (r) => r.tier, json: (r) => r.tier },
  category: { header: 'CATEGORY', text: (r) => r.category, json: (r) => r.category },
  channel: { header: 'CHANNEL', text: (r) => r.channel, json: (r) => r.channel },
  created: { header: 'CREATED', text: (r) => iso(r.created_at)!.slice(0, 16).replace('T', ' '), json: (r) => iso(r.created_at) },
  updated: { header: 'UPDATED', text: (r) => iso(r.updated_at)!.slice(0, 16).replace('T', ' '), json: (r) => iso(r.updated_at) },
  title: { header: 'TITLE', text: (r) => cleanLine(r.title), json: (r) => r.title },
  external_id: { header: 'EXTERNAL ID', text: (r) => cleanLine(r.external_id) || '—', json: (r) => r.external_id ?? null },
  resolution: { header: 'RESOLUTION', text: (r) => cleanLine(r.resolution) || '—', json: (r) => r.resolution ?? null },
  children: { header: 'CHILDREN', text: (r) => (r.child_count ? String(r.child_count) : '—'), json: (r) => r.child_count ?? 0 },
  parent: {
    header: 'PARENT',
    text: (r) => (r.parent_id ? `HD-${r.parent_id}` : '—'),
    json: (r) => (r.parent_id ? `HD-${r.parent_id}` : null),
  },
  followup: {
    header: 'FOLLOW-UP',
    text: (r, now) => (r.followup_at == null ? '—' : shortDuration(r.followup_at - now)),
    json: (r) => iso(r.followup_at ?? null),
  },
};
const DEFAULT_COLUMNS = ['ref', 'prio', 'status', 'age', 'due', 'requester', 'assignee', 'title'];

interface ListFlags {
  limit: string;
  columns?: string;
  json?: boolean;
  csv?: boolean;
  quiet?: boolean;
  changedSince?: string;
}

export function ticketListCommand(ctx: Ctx): Command {
  return acceptDashTerms(new Command('list'))
    .alias('ls')
    .description('list tickets matching a query (default: every open ticket, most urgent first)')
    .argument('[query...]', 'e.g. status:open prio:high,urgent assignee:me tag:vpn "printer jam" sort:-created')
    .option('-n, --limit <n>', 'show at most n tickets', '50')
    .option('--columns <list>', `comma-separated: ${Object.keys(COLUMNS).join(',')}`)
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .option('-q, --quiet', 'print only refs')
    .option('--changed-since <cursor>', 'the change feed: tickets changed after the cursor (0: all), and the next cursor')
    .addHelpText(
      'after',
      `
Query fields: status prio assignee tier tag category channel requester created updated age due followup parent id sort
  ',' is OR inside a field, terms are ANDed, '-' negates (no quotes needed); quote '<' and '>' for the shell.
Examples:
  deskline ticket list status:open prio:urgent,high
  deskline ticket list assignee:me 'due:<2h'
  deskline ticket list tag:vpn -tag:spam "cannot connect" --json
  deskline ticket list 'age:>30d' status:pending --csv > stale.csv
  deskline ticket list 'followup:<1d' ; deskline ticket list parent:HD-12
  deskline ticket list --changed-since 0 --json     # then --changed-since <the cursor it printed>`,
    )
    .action(async (words: string[], flags: ListFlags) => {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
        fail(EXIT.invalid, `--limit: '${flags.limit}' must be a whole number from 1 to 100000`);
      if (flags.changedSince !== undefined) {
        if (words.some((w) => w.trim())) fail(EXIT.usage, '--changed-since: takes no query (the feed lists every ticket changed)');
        return (await import('./ticket-feed.js')).printFeed(ctx, flags.changedSince, limit, flags.json);
      }
      const names = flags.columns ? flags.columns.split(',').map((c) => c.trim()) : DEFAULT_COLUMNS;
      for (const n of names)
        if (!COLUMNS[n]) fail(EXIT.invalid, `--columns: unknown column '${n}' (known: ${Object.keys(COLUMNS).join(', ')})`);
      // `ticket list ""` (an empty shell variable) means what `ticket list` means.
      const given = words.filter((w) => w.trim() !== '');
      const query = parseOrFail(joinArgs(given.length ? given : ['status:active']));
      const { db } = await ctx.desk();
      const fctx = await filterContext(ctx, db);
      const { corrections } = await planText(db, query);
      const [rows, total] = await Promise.all([listTickets(db, { query, ctx: fctx, limit }), countTickets(db, query, fctx)]);
      const columns = names.map((n) => COLUMNS[n]!);
      for (const c of corrections) ctx.note(`'${cleanLine(c.from)}' matched nothing: showing '${cleanLine(c.to)}'`);
      if (flags.json) {
        return ctx.json({
          ...(corrections.length ? { corrected: corrections } : {}),
          total,
          count: rows.length,
          tickets: rows.map((r) => Object.fromEntries(names.map((n, i) => [n, columns[i]!.json(r)]))),
        });
      }
      if (flags.csv) {
        return ctx.csv([names, ...rows.map((r) => columns.map((c) => c.json(r)))]);
      }
      if (flags.quiet) return rows.forEach((r) => ctx.out(r.ref));
      const now = Date.now();
      const cells = rows.map((r) => columns.map((c) => c.text(r, now)));
      const style = (row: number, col: number, cell: string) => {
        const color = ctx.color ? columns[col]!.color?.(rows[row]!) : undefined;
        return color ? paint(true, color, cell) : cell;
      };
      const flexible = names.includes('title') ? names.indexOf('title') : names.length - 1;
      if (rows.length)
        ctx.out(
          table(
            columns.map((c) => c.header),
            cells,
            { maxWidth: ctx.io.stdout.columns ?? Infinity, flexible, style },
          ),
        );
      ctx.note(
        rows.length < total ? `showing ${thousands(rows.length)} of ${thousands(total)} (use --limit)` : `${thousands(total)} ticket(s)`,
      );
    });
}
