/**
 * `import eml|mbox|maildir`: the triage suggestions of the tickets the mail opened, after the import
 * committed. Shown only (the first SHOWN tickets; `ticket suggest HD-n` or `S` in the console for
 * the rest), or with `--auto` applied above the threshold to every one of them, as `ticket create
 * --auto` fills its fields; the output says which, ticket by ticket.
 */
import type { FieldSuggestion } from '../domain/triage/fields.js';
import type { ImportSummary } from '../store/import-types.js';
import { ensureTechnician } from '../store/technicians.js';
import { triageIntake, type IntakeSuggestion } from '../store/triage-intake.js';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';

/** Without --auto, suggestions are looked up for this many of the tickets mail opened. */
export const SHOWN = 20;
export const MAIL_FORMATS = ['eml', 'mbox', 'maildir'];

export async function mailTriage(ctx: Ctx, summary: ImportSummary, auto: boolean): Promise<IntakeSuggestion[]> {
  if (summary.mailCreated.length === 0) return [];
  const { db } = await ctx.desk();
  const actor = auto ? await ensureTechnician(db, ctx.me()) : { id: null, name: ctx.me().name };
  const ids = auto ? summary.mailCreated : summary.mailCreated.slice(0, SHOWN);
  return triageIntake(db, ids, { apply: auto, actor, categories: ctx.settings().categories });
}

const fields = (list: readonly FieldSuggestion[]) =>
  list.map((s) => `${s.field} ${cleanLine(s.value)} (${Math.round(s.confidence * 100)} %)`).join(', ');

export function printMailTriage(ctx: Ctx, summary: ImportSummary, found: readonly IntakeSuggestion[], auto: boolean): void {
  if (summary.mailCreated.length === 0) return;
  for (const t of found) ctx.out(`${t.ref} ${auto ? 'auto: applied' : 'suggested (not applied)'}: ${fields(t.suggestions)}`);
  const looked = auto ? summary.mailCreated.length : Math.min(SHOWN, summary.mailCreated.length);
  const quiet = looked - found.length;
  if (quiet > 0) ctx.out(`${quiet} ticket(s) from mail: no suggestion above the threshold${auto ? '; fields left as they came' : ''}`);
  if (!auto && summary.mailCreated.length > SHOWN)
    ctx.out(`${summary.mailCreated.length - SHOWN} more ticket(s) from mail: see \`ticket suggest HD-n\`, or import with --auto`);
  else if (!auto && found.length > 0) ctx.out('apply them with --auto, `S` in the console, or `ticket update`');
}

export const mailTriageJson = (found: readonly IntakeSuggestion[]) =>
  found.map((t) => ({
    ref: t.ref,
    applied: t.applied,
    suggestions: t.suggestions.map((s) => ({ field: s.field, value: s.value, confidence: s.confidence })),
  }));
