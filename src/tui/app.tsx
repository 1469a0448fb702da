/* eslint-disable max-lines -- #12: over 200 lines, to be split by the restructure */
/** The console: state from the reducer, data from the store hooks, panes laid out for the terminal. */
import { Box, Text, useApp } from 'ink';
import { useCallback, useEffect, useMemo, useReducer } from 'react';
import { parseQuery, QueryError } from '../domain/query.js';
import type { Desk } from '../store/desk.js';
import { alertText } from '../domain/sla-badge.js';
import type { Actor } from '../store/executor.js';
import { LazyDashboard } from './components/dashboard-lazy.js';
import { DetailPane } from './components/detail-pane.js';
import { FilterBar } from './components/filter-bar.js';
import { Header } from './components/header.js';
import { OverlayView, overlayFillsBody } from './components/overlay.js';
import { QueuePane } from './components/queue-pane.js';
import { StatusBar } from './components/status-bar.js';
import { Welcome } from './components/welcome.js';
import { ConsoleContext } from './context.js';
import { useCounts } from './data/use-counts.js';
import { useDataVersion } from './data/use-data-version.js';
import { useRequesterSuggestions, useTechnicians } from './data/use-act-data.js';
import { useDetail } from './data/use-detail.js';
import { useKbJobs } from './data/use-kb-jobs.js';
import { useKbSearch } from './data/use-kb-search.js';
import { useSuggestions } from './data/use-suggestions.js';
import { KbOfferKeys, KbScreen } from './components/kb-screen.js';
import { suggestionLines } from './kb-lines.js';
import { useIntents } from './data/use-intents.js';
import { useQuery, useQueueData } from './data/use-queue-data.js';
import { useSla } from './data/use-sla.js';
import { useTimer } from './data/use-timer.js';
import { useTerminalSize } from './data/use-terminal-size.js';
import type { Binding } from './keymap.js';
import { layout } from './layout.js';
import { initialState, modeOf, reducer, selectedRow, withCategories, type Preload } from './state.js';
import { editorText } from './editor-state.js';
import type { TimedTicket } from './timer-state.js';
import { useClock } from './use-clock.js';
import { useHoldRawMode } from './use-hold-raw-mode.js';
import { SORTS, type View } from './views.js';

export interface ConsoleProps {
  desk: Desk;
  me: Actor;
  views: readonly View[];
  keymap: readonly Binding[];
  dbName: string;
  color: boolean;
  pollMs?: number;
  /** The first rows, loaded before the first frame. */
  preload?: Preload;
  /** Loads demo data into the desk (the welcome screen's `d`), reporting progress as text. */
  loadDemo?: (desk: Desk, progress: (text: string) => void) => Promise<void>;
  /** Ticket categories from the settings (the new-ticket form). */
  categories?: readonly string[];
  /** The environment $EDITOR/$VISUAL are read from. */
  env?: Record<string, string | undefined>;
  /** The clock for the timer (`T`) and the dashboard; tests pass a fake one. */
  clock?: () => number;
  /** Kept up to date with the running timer, so that main.ts can log it when a signal ends the console. */
  runningTimer?: { current: TimedTicket | null };
}

function checkFilter(text: string): { message: string; column: number } | null {
  try {
    parseQuery(text);
    return null;
  } catch (error) {
    if (error instanceof QueryError) return { message: error.message, column: error.column };
    return { message: (error as Error).message, column: 1 };
  }
}

export function ConsoleApp({
  desk,
  me,
  views,
  keymap,
  dbName,
  color,
  pollMs,
  loadDemo,
  preload,
  categories,
  env = process.env,
  clock = Date.now,
  runningTimer,
}: ConsoleProps) {
  const { exit } = useApp();
  useHoldRawMode();
  const size = useTerminalSize();
  const [state, dispatch] = useReducer(reducer, null, () =>
    withCategories(
      initialState(views, keymap, layout(size.columns, size.rows, { filter: false, error: false, detailFocused: false }).pageSize, preload),
      categories,
    ),
  );
  const overlay = state.act.overlay;
  const editing = state.focus === 'filter';
  const lay = layout(size.columns, size.rows, {
    filter: editing || state.filter.live !== '',
    error: editing && state.filter.error !== null,
    detailFocused: state.focus === 'detail' || overlay !== null,
  });
  const { version, bump } = useDataVersion(desk.db, pollMs);
  const now = useClock();
  const { error: queryError } = useQuery(state);

  useEffect(
    () => dispatch({ type: 'layout', pageSize: lay.pageSize, detailPage: Math.max(1, lay.detailHeight - 2) }),
    [lay.pageSize, lay.detailHeight],
  );
  useEffect(() => {
    if (version > 0) dispatch({ type: 'refresh' });
  }, [version]);
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);
  useEffect(() => {
    if (!state.loadingDemo) return;
    if (!loadDemo) return dispatch({ type: 'demoDone', error: 'not available here' });
    loadDemo(desk, (text) => dispatch({ type: 'notice', text }))
      .then(() => dispatch({ type: 'demoDone', error: null }))
      .catch((error: Error) => dispatch({ type: 'demoDone', error: error.message.split('\n')[0] ?? 'error' }))
      .finally(bump);
  }, [state.loadingDemo, loadDemo, desk, bump]);

  useQueueData(desk.db, me.id, state, dispatch);
  useCounts(desk.db, views, me.id, version + state.act.written, dispatch);
  const row = selectedRow(state);
  const detail = useDetail(desk.db, row?.id ?? null, version + state.act.written);
  useEffect(() => {
    if (detail.view) dispatch({ type: 'seen', id: detail.view.id, version: detail.view.version });
  }, [detail.view]);
  useIntents(desk, me, env, state.act.queue, dispatch);
  useTechnicians(desk.db, me.id, version + state.act.written, dispatch);
  const requesterText = overlay?.kind === 'form' && overlay.form.focus === 'requester' ? editorText(overlay.form.requester) : null;
  useRequesterSuggestions(desk.db, requesterText, dispatch);
  const sla = useSla(desk.db, me.id, version + state.act.written, now);
  const timerText = useTimer(desk.db, me, state.timer, dispatch, clock, bump);
  useEffect(() => {
    if (runningTimer) runningTimer.current = state.timer.running;
  }, [runningTimer, state.timer.running]);
  const kb = state.kb;
  useSuggestions(desk.db, row?.id ?? null, detail.view && detail.view.id === row?.id ? detail.view.version : null, kb.links, dispatch);
  useKbSearch(desk.db, kb.screen === 'search', kb.query, dispatch);
  useKbJobs(desk, me, kb.jobs, dispatch);
  const rowId = row?.id ?? null;
  const kbLines = useMemo(() => (rowId === null ? [] : suggestionLines(kb.suggest, rowId)), [kb.suggest, rowId]);

  const ctx = useMemo(() => ({ keymap, dispatch, color }), [keymap, color]);
  const check = useCallback(checkFilter, []);
  const mode = modeOf(state);
  const q = state.queue;
  const visible = q.rows.slice(q.top, q.top + lay.pageSize);
  const notice = [timerText, queryError ?? state.notice ?? (kb.screen === 'off' ? `sort: ${SORTS[state.sort]!.label}` : '')]
    .filter(Boolean)
    .join(' · ');
  const marks = useMemo(() => new Set(state.act.marks.map((m) => m.id)), [state.act.marks]);

  const queue = (
    <QueuePane
      rows={visible}
      selected={q.sel - q.top}
      width={lay.queueWidth}
      height={lay.pageSize}
      focused={state.focus === 'queue' && !overlay}
      keysActive={mode === 'queue'}
      loaded={state.loaded}
      now={now}
      marks={marks}
      sla={sla.settings}
    />
  );
  const body = mode === 'welcome' || state.empty ? lay.height - 2 : lay.wide ? lay.detailHeight : lay.detailHeight + lay.pageSize + 1;
  const detailPane = overlay ? (
    <OverlayView overlay={overlay} width={lay.detailWidth} height={lay.detailHeight} />
  ) : (
    <DetailPane
      row={row}
      view={detail.view}
      events={detail.events}
      width={lay.detailWidth}
      height={lay.detailHeight}
      scroll={state.detail.scroll}
      focused={state.focus === 'detail'}
      keysActive={mode === 'detail'}
      now={now}
      extra={kbLines}
    />
  );
  return (
    <ConsoleContext.Provider value={ctx}>
      <Box flexDirection="column" width={lay.columns} height={lay.height}>
        <Header
          views={views}
          active={state.view}
          counts={state.counts}
          dbName={dbName}
          technician={me.name}
          columns={lay.columns}
          marked={state.act.marks.length}
          alert={sla.alerts && alertText(sla.alerts)}
        />
        {lay.filterLines > 0 && !state.empty && !state.dashboard && kb.screen === 'off' && (
          <FilterBar
            text={state.filter.text}
            live={state.filter.live}
            error={state.filter.error}
            editing={editing}
            width={lay.columns}
            check={check}
          />
        )}
        {overlayFillsBody(overlay) ? (
          <OverlayView overlay={overlay!} width={lay.columns} height={body} />
        ) : mode === 'welcome' ? (
          <Welcome dbName={dbName} height={lay.height - 2} notice={state.notice} keysActive />
        ) : kb.screen !== 'off' ? (
          <KbScreen kb={kb} db={desk.db} width={lay.columns} height={lay.height - 2} />
        ) : state.dashboard ? (
          <LazyDashboard
            path={desk.path}
            version={version + state.act.written}
            now={clock}
            width={lay.columns}
            height={lay.height - 2}
            keysActive={mode === 'dashboard'}
          />
        ) : lay.wide ? (
          <Box flexDirection="row" height={lay.detailHeight}>
            {queue}
            <Box width={3} height={lay.detailHeight} flexDirection="column">
              <Text dimColor>{Array.from({ length: lay.detailHeight }, () => ' │ ').join('\n')}</Text>
            </Box>
            {detailPane}
          </Box>
        ) : (
          <Box flexDirection="column" height={lay.detailHeight + lay.pageSize + 1}>
            {queue}
            {detailPane}
          </Box>
        )}
        <KbOfferKeys active={mode === 'kbOffer'} />
        <StatusBar mode={mode} columns={lay.columns} right={notice} wide={state.act.loud && notice === state.notice} />
      </Box>
    </ConsoleContext.Provider>
  );
}
