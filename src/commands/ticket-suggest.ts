/** `deskline ticket suggest HD-7` and `ticket similar HD-7`: what the triage assistant reads in a ticket. Nothing is changed. */
import { Command } from 'commander';
import { similarTickets } from '../store/ticket-similar.js';
import { getTicket } from '../store/ticket-view.js';
import { suggestTriage } from '../store/triage-suggest.js';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';
import { refArg } from './resolve-ref.js';
import { printSimilar, printSuggestions, similarJson, suggestionsJson } from './triage-output.js';

export function ticketSuggestCommand(ctx: Ctx): Command {
  return new Command('suggest')
    .description("suggest a ticket's category, priority and tier from its text (changes nothing)")
    .argument('<ref>', 'ticket ref, e.g. HD-7')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nLearned from resolved tickets (deskline triage train). Example:\n  deskline ticket suggest HD-7 --json')
    .action(async (ref: string, flags: { json?: boolean }) => {
      const { db } = await ctx.desk();
      const ticket = await getTicket(db, refArg(ref));
      const verdicts = await suggestTriage(db, ticket);
      if (flags.json) return ctx.json({ ref: ticket.ref, suggestions: suggestionsJson(verdicts) });
      ctx.out(`${ticket.ref}  ${cleanLine(ticket.title)}`);
      printSuggestions(ctx, verdicts, { category: ticket.category, priority: ticket.priority, tier: ticket.tier });
    });
}

export function ticketSimilarCommand(ctx: Ctx): Command {
  return new Command('similar')
    .description('open tickets that look like the same problem, and resolved ones with their resolutions')
    .argument('<ref>', 'ticket ref, e.g. HD-7')
    .option('--json', 'print JSON')
    .action(async (ref: string, flags: { json?: boolean }) => {
      const { db } = await ctx.desk();
      const ticket = await getTicket(db, refArg(ref));
      const similar = await similarTickets(db, {
        id: ticket.id,
        title: ticket.title,
        description: ticket.description,
        requesterId: ticket.requester_id,
        createdAt: ticket.created_at,
      });
      if (flags.json) return ctx.json({ ref: ticket.ref, ...similarJson(similar) });
      ctx.out(`${ticket.ref}  ${cleanLine(ticket.title)}`);
      printSimilar(ctx, similar);
    });
}
