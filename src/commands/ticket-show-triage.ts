/** The triage part of `ticket show`: suggestions while a ticket is open, similar tickets always; each section after a blank line, none when empty. */
import { OPEN_STATUSES, type Status } from '../domain/ticket.js';
import type { Executor } from '../store/executor.js';
import { similarTickets } from '../store/ticket-similar.js';
import type { TicketView } from '../store/ticket-view.js';
import { suggestTriage } from '../store/triage-suggest.js';
import type { Ctx } from './context.js';
import { printSimilar, printSuggestions } from './triage-output.js';

export async function printTriage(ctx: Ctx, db: Executor, ticket: TicketView): Promise<void> {
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
