/**
 * Everything that moves data in and out, and draws nothing: the keyboard, the terminal's size, the
 * change feed, the answers to the reducer's requests (queue rows, the selected ticket's detail,
 * counts, technicians, completions, KB search), the writes it queued, demo data and quitting.
 */
import { useApp } from 'ink';
import { useEffect, type Dispatch } from 'react';
import { editorText } from '../state/editor.js';
import { selectedRow } from '../state/select.js';
import type { State, StateAction } from '../state/types.js';
import { useDesk } from '../hooks/desk-context.js';
import {
  useFormTriage,
  useMacros,
  useRequesterAssets,
  useRequesterSuggestions,
  useTechnicians,
  useTemplates,
} from '../hooks/use-act-data.js';
import { formTriageText } from '../state/form-triage.js';
import { useCounts } from '../hooks/use-counts.js';
import { useDeskChanges } from '../hooks/use-desk-changes.js';
import { useDetail } from '../hooks/use-detail.js';
import { useIntents } from '../hooks/use-intents.js';
import { useKbJobs } from '../hooks/use-kb-jobs.js';
import { useKbSearch } from '../hooks/use-kb-search.js';
import { useMacroSearch } from '../hooks/use-macro-search.js';
import { useQueueData } from '../hooks/use-queue-data.js';
import { useResize } from '../hooks/use-resize.js';
import { TOUR_LINES } from './tour-box.js';
import { useTerminalInput } from '../keys/use-terminal-input.js';
import type { ConsoleProps } from '../props.js';

type FeedsProps = ConsoleProps & { state: State; dispatch: Dispatch<StateAction> };

export function Feeds({ state, dispatch, views, pollMs, env = process.env, demo, runningTimer, tour }: FeedsProps) {
  const { desk } = useDesk();
  const { exit } = useApp();
  useTerminalInput(dispatch);
  useResize(dispatch, tour ? TOUR_LINES : 0);
  useDeskChanges(dispatch, pollMs);
  useQueueData(state, dispatch);
  useDetail({ ...state.detail, version: selectedRow(state)?.version }, state.kb.links, dispatch);
  useCounts(views, dispatch);
  useTechnicians(dispatch);
  useMacros(dispatch);
  useTemplates(dispatch);
  useIntents(env, state.act.queue, dispatch);
  const o = state.act.overlay;
  useRequesterSuggestions(o?.kind === 'form' && o.form.focus === 'requester' ? editorText(o.form.requester) : null, dispatch);
  useRequesterAssets(o?.kind === 'form' ? editorText(o.form.requester) : null, dispatch);
  useFormTriage(o?.kind === 'form' ? formTriageText(o.form) : null, dispatch);
  useMacroSearch(o?.kind === 'macro' ? o.query : null, state.act.macros, dispatch);
  useKbSearch(state.kb.screen === 'search', state.kb.query, dispatch);
  useKbJobs(state.kb.jobs, dispatch);

  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);
  useEffect(() => {
    if (runningTimer) runningTimer.current = state.timer.running;
  }, [runningTimer, state.timer.running]);
  useEffect(() => {
    if (!state.loadingDemo) return;
    if (!demo) return dispatch({ type: 'demoDone', error: 'not available here' });
    demo
      .load(desk, (text) => dispatch({ type: 'notice', text }))
      .then(() => dispatch({ type: 'demoDone', error: null }))
      .catch((error: Error) => dispatch({ type: 'demoDone', error: error.message.split('\n')[0] ?? 'error' }));
  }, [state.loadingDemo, demo, desk, dispatch]);
  return null;
}
