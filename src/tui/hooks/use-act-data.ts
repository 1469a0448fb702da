/**
 * Data the dialogs need: the technicians (assign picker), the macros (`m`), and for the new-ticket
 * form the request templates, requester completions, the typed requester's assets and the triage
 * suggestion.
 */
import { deskTemplates } from '../../io/template-files.js';
import { listMacros } from '../../store/macros.js';
import { pickRequesterAssets } from '../../store/pickers.js';
import { listRequesters } from '../../store/requesters.js';
import { listTechnicians } from '../../store/technicians.js';
import type { StateAction } from '../state/types.js';
import { useDesk } from './desk-context.js';
import { useDeskQuery } from './use-desk-query.js';

export const SUGGEST_DEBOUNCE_MS = 80;
/** The form's triage suggestion is asked for once typing pauses this long. */
export const FORM_TRIAGE_DEBOUNCE_MS = 250;

export function useTechnicians(dispatch: (a: StateAction) => void): void {
  const { me } = useDesk();
  useDeskQuery(String(me.id), (db) => listTechnicians(db), {
    live: true,
    onAnswer: (rows) => dispatch({ type: 'technicians', list: rows.map((t) => ({ name: t.name, email: t.email, me: t.id === me.id })) }),
  });
}

/** The desk's macros (the `m` picker), read again when the desk changes. */
export function useMacros(dispatch: (a: StateAction) => void): void {
  useDeskQuery('macros', (db) => listMacros(db), { live: true, onAnswer: (list) => dispatch({ type: 'macros', list }) });
}

/** Known requesters matching `text` (null: the requester field is not being typed in). */
export function useRequesterSuggestions(text: string | null, dispatch: (a: StateAction) => void): void {
  const typed = text?.trim() ?? '';
  useDeskQuery(
    typed === '' ? null : typed,
    async (db) => (await listRequesters(db, typed, 4)).map((r) => (r.email ? `${r.name} <${r.email}>` : r.name)).filter((x) => x !== typed),
    {
      delayMs: SUGGEST_DEBOUNCE_MS,
      onAnswer: (items) => dispatch({ type: 'suggestions', text: typed, items }),
      // completion is a convenience: typing goes on without it
    },
  );
}

/** The desk's request templates (its own and the shipped ones), read again when the desk changes. */
export function useTemplates(dispatch: (a: StateAction) => void): void {
  useDeskQuery('templates', (db) => deskTemplates(db), { live: true, onAnswer: (list) => dispatch({ type: 'templates', list }) });
}

/** The assets of the requester typed in the form (null: no form open), offered to link to the new ticket. */
export function useRequesterAssets(text: string | null, dispatch: (a: StateAction) => void): void {
  const typed = text?.trim() ?? '';
  useDeskQuery(
    typed === '' ? null : `assets ${typed}`,
    async (db) =>
      (await pickRequesterAssets(db, typed)).map((a) => ({ tag: a.tag, label: [a.tag, a.type, a.model].filter(Boolean).join(' ') })),
    { delayMs: SUGGEST_DEBOUNCE_MS, onAnswer: (items) => dispatch({ type: 'formAssets', requester: typed, items }) },
  );
}

/**
 * The triage suggestion for the new-ticket form's text (`title\ndescription`; null: no form or
 * nothing typed), asked after a pause in typing; the model's counts are cached per process
 * (store/triage-cache.ts), so an answer costs well under a millisecond once warm.
 */
export function useFormTriage(text: string | null, dispatch: (a: StateAction) => void): void {
  useDeskQuery(
    text,
    async (db) => {
      const { suggestTriage } = await import('../../store/triage-suggest.js');
      const [title = '', ...rest] = (text ?? '').split('\n');
      return suggestTriage(db, { title, description: rest.join('\n') });
    },
    {
      delayMs: FORM_TRIAGE_DEBOUNCE_MS,
      onAnswer: (verdicts) => dispatch({ type: 'formTriage', text: text ?? '', verdicts }),
      // a suggestion is a convenience: the form works without one
    },
  );
}
