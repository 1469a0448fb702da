/** What `import` prints: each item's outcome for a dry run, a summary line, or a JSON document. */
import type { ImportSummary } from '../store/import-types.js';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';

const VERB = { created: 'would create', updated: 'would update', skipped: 'would skip' } as const;

export function printImport(ctx: Ctx, s: ImportSummary, flags: { dryRun: boolean; json: boolean }, triage: readonly unknown[] = []): void {
  if (flags.json) {
    return ctx.json({
      dry_run: flags.dryRun,
      created: s.created,
      updated: s.updated,
      skipped: s.skipped,
      counts: s.counts,
      items: s.lines.map((l) => ({ outcome: l.outcome, kind: l.what, ref: l.ref, title: l.title })),
      ...(s.mailCreated.length ? { triage } : {}),
    });
  }
  if (flags.dryRun) {
    for (const l of s.lines)
      if (l.ref !== '')
        ctx.out(
          `${VERB[l.outcome].padEnd(12)} ${l.what === 'ticket' ? '' : `${l.what} `}${cleanLine(l.ref)}  ${cleanLine(l.title)}`.trimEnd(),
        );
  }
  const counts = Object.entries(s.counts)
    .map(([what, n]) => `${n.toLocaleString('en-US')} ${what}`)
    .join(', ');
  const head = flags.dryRun ? 'dry run, nothing written' : 'imported';
  if (s.created + s.updated === 0) return ctx.out(`${head}: nothing new (${s.skipped.toLocaleString('en-US')} already there, skipped)`);
  ctx.out(
    `${head}: ${s.created.toLocaleString('en-US')} created, ${s.updated.toLocaleString('en-US')} updated, ${s.skipped.toLocaleString('en-US')} skipped${counts ? ` (${counts})` : ''}`,
  );
}
