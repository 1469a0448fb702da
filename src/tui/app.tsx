/** The console: state from the reducer, data from the store hooks, panes laid out for the terminal. */
import { Box, Text, useApp } from 'ink';
import { useCallback, useEffect, useMemo, useReducer } from 'react';
import { parseQuery, QueryError } from '../domain/query.js';
import type { Desk } from '../db/database.js';
import type { Actor } from '../store/executor.js';
import { DetailPane } from './components/detail-pane.js';
import { FilterBar } from './components/filter-bar.js';
import { Header } from './components/header.js';
import { QueuePane } from './components/queue-pane.js';
import { StatusBar } from './components/status-bar.js';
import { Welcome } from './components/welcome.js';
import { ConsoleContext } from './context.js';
import { useCounts } from './data/use-counts.js';
import { useDataVersion } from './data/use-data-version.js';
import { useDetail } from './data/use-detail.js';
import { useQuery, useQueueData } from './data/use-queue-data.js';
import { useTerminalSize } from './data/use-terminal-size.js';
import type { Binding } from './keymap.js';
import { layout } from './layout.js';
import { initialState, modeOf, reducer, selectedRow, type Preload } from './state.js';
import { useClock } from './use-clock.js';
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

export function ConsoleApp({ desk, me, views, keymap, dbName, color, pollMs, loadDemo, preload }: ConsoleProps) {
  const { exit } = useApp();
  const size = useTerminalSize();
  const [state, dispatch] = useReducer(reducer, null, () =>
    initialState(views, keymap, layout(size.columns, size.rows, { filter: false, error: false, detailFocused: false }).pageSize, preload));
  const editing = state.focus === 'filter';
  const lay = layout(size.columns, size.rows, { filter: editing || state.filter.live !== '', error: editing && state.filter.error !== null, detailFocused: state.focus === 'detail' });
  const { version, bump } = useDataVersion(desk.db, pollMs);
  const now = useClock();
  const { error: queryError } = useQuery(state);

  useEffect(() => dispatch({ type: 'layout', pageSize: lay.pageSize, detailPage: Math.max(1, lay.detailHeight - 2) }), [lay.pageSize, lay.detailHeight]);
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
  useCounts(desk.db, views, me.id, version, dispatch);
  const row = selectedRow(state);
  const detail = useDetail(desk.db, row?.id ?? null, version);

  const ctx = useMemo(() => ({ keymap, dispatch, color }), [keymap, color]);
  const check = useCallback(checkFilter, []);
  const mode = modeOf(state);
  const q = state.queue;
  const visible = q.rows.slice(q.top, q.top + lay.pageSize);
  const notice = queryError ?? state.notice ?? `sort: ${SORTS[state.sort]!.label}`;

  const queue = (
    <QueuePane rows={visible} selected={q.sel - q.top} width={lay.queueWidth} height={lay.pageSize}
      focused={state.focus === 'queue'} keysActive={mode === 'queue'} loaded={state.loaded} now={now} />
  );
  const detailPane = (
    <DetailPane row={row} view={detail.view} events={detail.events} width={lay.detailWidth}
      height={lay.detailHeight} scroll={state.detail.scroll} focused={state.focus === 'detail'} keysActive={mode === 'detail'} now={now} />
  );
  return (
    <ConsoleContext.Provider value={ctx}>
      <Box flexDirection="column" width={lay.columns} height={lay.height}>
        <Header views={views} active={state.view} counts={state.counts} dbName={dbName} technician={me.name} columns={lay.columns} />
        {lay.filterLines > 0 && mode !== 'welcome' && (
          <FilterBar text={state.filter.text} live={state.filter.live} error={state.filter.error} editing={editing} width={lay.columns} check={check} />
        )}
        {mode === 'welcome' ? (
          <Welcome dbName={dbName} height={lay.height - 2} notice={state.notice} keysActive />
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
        <StatusBar mode={mode} columns={lay.columns} right={notice} />
      </Box>
    </ConsoleContext.Provider>
  );
}
