/**
 * The screen for a state, laid out for the terminal (state/layout.ts, the same layout the reducer
 * sizes things by): header, filter box, the body (queue and detail, a dialog, the welcome screen, the
 * KB, the dashboard) and the status bar, in at most rows − 1 lines.
 */
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { alertText } from '../../domain/sla-badge.js';
import type { ConsoleProps } from '../props.js';
import { countArticles } from '../../store/kb.js';
import { useDesk } from '../hooks/desk-context.js';
import { useDeskQuery } from '../hooks/use-desk-query.js';
import { useClock } from '../hooks/use-clock.js';
import { useSla } from '../hooks/use-sla.js';
import { useTimer } from '../hooks/use-timer.js';
import { useOutbox } from '../hooks/use-outbox.js';
import { useMailFetch } from '../hooks/use-mail-fetch.js';
import { useSync } from '../hooks/use-sync.js';
import { keyLabel } from '../keys/keymap.js';
import { useConsole } from '../hooks/console-context.js';
import { modeOf, selectedRow } from '../state/select.js';
import { linkNotice } from '../state/link.js';
import { layoutOf } from '../state/settle.js';
import type { State } from '../state/types.js';
import { SORTS } from '../state/views.js';
import { assetLines } from '../text/asset-lines.js';
import { suggestionLines } from '../text/kb-lines.js';
import { checklistLines } from '../text/request-lines.js';
import { triageLines } from '../text/triage-lines.js';
import { LazyDashboard } from './dashboard-lazy.js';
import { relatedLines } from '../text/related-lines.js';
import { DetailPane } from './detail-pane.js';
import { FilterBar } from './filter-bar.js';
import { Header } from './header.js';
import { KbScreen } from './kb-screen.js';
import { OverlayView, overlayFillsBody } from './overlay.js';
import { QueuePane } from './queue-pane.js';
import { RequesterScreen } from './requester-screen.js';
import { StatusBar } from './status-bar.js';
import { Welcome } from './welcome.js';

export function Screen({ state, views, dbName, demo, mail, chat, intake, clock = Date.now }: ConsoleProps & { state: State }) {
  const { desk, me } = useDesk();
  const { dispatch, keymap } = useConsole();
  const now = useClock();
  const sla = useSla(now);
  const timerText = useTimer(state.timer, dispatch, clock);
  const outbox = useOutbox(mail, chat);
  const fetched = useMailFetch(intake);
  const conflictKey = keyLabel(keymap.find((b) => b.action === 'syncConflicts')?.key ?? 'Y');
  const synced = useSync(dispatch, state.act.conflicts.length, conflictKey, now);
  const lay = layoutOf(state);
  // Counted here, not in the welcome screen: it stays mounted while `K` shows the KB over it.
  const articles = useDeskQuery(state.empty ? 'articles' : null, (db) => countArticles(db), { live: true }) ?? 0;
  const overlay = state.act.overlay;
  const mode = modeOf(state);
  const kb = state.kb;
  const row = selectedRow(state);
  const rowId = row?.id ?? null;
  const checklist = state.detail.checklist;
  const triage = state.detail.triage;
  // Loaded with the detail's one answer (one render per key), for the ticket the detail shows.
  const assets = state.detail.id === rowId ? state.detail.assets : null;
  const kbLines = useMemo(
    () =>
      rowId === null
        ? []
        : [
            ...checklistLines(checklist),
            ...suggestionLines(kb.suggest, rowId),
            ...assetLines(assets ?? undefined),
            ...triageLines(triage, row),
          ],
    [kb.suggest, rowId, checklist, triage, row, assets],
  );
  const related = state.detail.related;
  const relatedAt = state.focus === 'related' ? state.related.index : null;
  const relatedHead = useMemo(() => relatedLines(related, relatedAt, state.detail.width), [related, relatedAt, state.detail.width]);
  const technicians = state.act.technicians;
  const overlayData = useMemo(() => {
    const me = technicians.find((t) => t.me);
    return { macros: state.act.macros, me: { name: me?.name ?? '', email: me?.email ?? null }, checklist: checklist ?? [] };
  }, [state.act.macros, technicians, checklist]);
  const marks = useMemo(() => new Set(state.act.marks.map((m) => m.id)), [state.act.marks]);
  // The outbox's counts give way while an action speaks loudly (its message takes the whole line).
  // A lost connection to the desk takes the line until it is back (state/link.ts).
  const link = linkNotice(state);
  const quiet = state.act.loud || link !== null;
  const notice = [
    timerText,
    quiet ? '' : outbox,
    quiet ? '' : fetched,
    quiet ? '' : synced,
    link ?? state.query.error ?? state.notice ?? (kb.screen === 'off' ? `sort: ${SORTS[state.sort]!.label}` : ''),
  ]
    .filter(Boolean)
    .join(' · ');
  const q = state.queue;
  const editing = state.focus === 'filter';
  const queue = (
    <QueuePane
      rows={q.rows.slice(q.top, q.top + lay.pageSize)}
      selected={q.sel - q.top}
      width={lay.queueWidth}
      height={lay.pageSize}
      focused={state.focus === 'queue' && !overlay}
      loaded={state.loaded}
      now={now}
      marks={marks}
      sla={sla.settings}
    />
  );
  const detailPane = overlay ? (
    <OverlayView overlay={overlay} width={lay.detailWidth} height={lay.detailHeight} data={overlayData} />
  ) : (
    <DetailPane
      row={row}
      detail={state.detail}
      height={lay.detailHeight}
      focused={state.focus === 'detail' || state.focus === 'related'}
      now={now}
      extra={kbLines}
      sla={sla.settings}
      head={relatedHead}
    />
  );
  const body = mode === 'welcome' || state.empty ? lay.height - 2 : lay.wide ? lay.detailHeight : lay.detailHeight + lay.pageSize + 1;
  return (
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
      {lay.filterLines > 0 && !state.empty && !state.dashboard && state.requesterOf === null && kb.screen === 'off' && (
        <FilterBar text={state.filter.text} live={state.filter.live} error={state.filter.error} editing={editing} width={lay.columns} />
      )}
      {overlayFillsBody(overlay) ? (
        <OverlayView overlay={overlay!} width={lay.columns} height={body} data={overlayData} />
      ) : mode === 'welcome' || mode === 'welcomeAsk' ? (
        <Welcome
          dbName={dbName}
          height={lay.height - 2}
          notice={state.notice}
          demoTickets={demo?.tickets ?? null}
          asking={state.askDemo}
          articles={articles}
        />
      ) : kb.screen !== 'off' ? (
        <KbScreen kb={kb} width={lay.columns} height={lay.height - 2} />
      ) : state.requesterOf !== null ? (
        <RequesterScreen
          ticketId={state.requesterOf}
          ticketRef={`HD-${state.requesterOf}`}
          width={lay.columns}
          height={lay.height - 2}
          now={now}
        />
      ) : state.dashboard ? (
        <LazyDashboard path={desk.target ?? desk.path} version={state.version} now={clock} width={lay.columns} height={lay.height - 2} />
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
      <StatusBar mode={mode} columns={lay.columns} right={notice} wide={(state.act.loud && notice === state.notice) || link !== null} />
    </Box>
  );
}
