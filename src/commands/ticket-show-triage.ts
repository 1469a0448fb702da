/** The triage part of `ticket show`: suggestions while a ticket is open, similar tickets always; each section after a blank line, none when empty. */
import { OPEN_STATUSES, type Status } from '../domain/ticket.js';
import type { Executor } from '../store/executor.js';
import { similarTickets } from '../store/ticket-similar.js';
import type { TicketView } from '../store/ticket-view.js';
import { suggestTriage } from '../store/triage-suggest.js';
import type { Ctx } from './context.js';
import { printSimilar, printSuggestions } from './triage-output.js';
import { describeError } from '../errors.js';

/**
 * The suggestions and similar tickets under `ticket show`. They are extras: a failure reading them (a
 * damaged page of another ticket, say) is one line on stderr, and the ticket itself still shows.
 */
export async function printTriage(ctx: Ctx, db: Executor, ticket: TicketView): Promise<void> {
  try {
    await printTriageParts(ctx, db, ticket);
  } catch (error) {
    ctx.note(`suggestions and similar tickets not shown: ${describeError(error).message}`);
  }
}

async function printTriageParts(ctx: Ctx, db: Executor, ticket: TicketView): Promise<void> {
  if (OPEN_STATUSES.includes(ticket.status as Status)) {
    const verdicts = await suggestTriage(db, ticket);
    if (verdicts.some((v) => v.suggestion)) ctx.out('');
    if (verdicts.some((v) => v.suggestion))
      printSuggestions(ctx, verdicts, { category: ticket.category, priority: ticket.priority, tier: ticket.tier });
  }
  const similar = await similarTickets(db, {
    id: ticket.id,
    title: ticket.title,
    description: ticket.description,
    requesterId: ticket.requester_id,
    createdAt: ticket.created_at,
  });
  if (!similar.duplicates.length && !similar.solved.length) return;
  ctx.out('');
  printSimilar(ctx, similar);
}
