/** The detail pane: a title line, then a scrolled slice of the ticket's lines. */
import { Box, Text } from 'ink';
import { useEffect, useMemo } from 'react';
// eslint-disable-next-line import-x/no-restricted-paths -- #12: layer leak, to be removed by the restructure
import type { InteractionRow } from '../../db/schema.js';
import type { TicketListRow } from '../../store/ticket-list.js';
import type { TicketView } from '../../store/ticket-view.js';
import { useColor, useConsole } from '../context.js';
import { detailLines, type Line } from '../detail-lines.js';
import { fit } from '../text.js';
import { useKeys } from '../use-keys.js';

const NO_LINES: readonly Line[] = [];

export interface DetailPaneProps {
  row: TicketListRow | undefined;
  view: TicketView | null;
  events: readonly InteractionRow[] | null;
  width: number;
  /** Lines including the title line. */
  height: number;
  scroll: number;
  focused: boolean;
  keysActive: boolean;
  now: number;
  /** Lines between the description and the timeline (suggested KB articles). */
  extra?: readonly Line[];
}

export function DetailPane({ row, view, events, width, height, scroll, focused, keysActive, now, extra = NO_LINES }: DetailPaneProps) {
  useKeys(keysActive);
  const { dispatch } = useConsole();
  const color = useColor();
  const body = Math.max(0, height - 1);
  const lines = useMemo(
    () => (row ? detailLines(row, view, events, Math.max(10, width - 1), now, extra) : []),
    [row, view, events, width, now, extra],
  );
  const max = Math.max(0, lines.length - body);
  useEffect(() => dispatch({ type: 'detailMeasured', max }), [dispatch, max]);
  const top = Math.min(scroll, max);
  const shown = lines.slice(top, top + body);
  const where = lines.length > body ? ` ${top + 1}-${top + shown.length}/${lines.length} ` : '';
  const title = row ? ` Detail · ${row.ref}` : ' Detail';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate-end" inverse={focused} dimColor={!focused}>
        {fit(title, Math.max(0, width - where.length))}
        {where}
      </Text>
      {shown.map((l, i) => (
        <Text key={top + i} wrap="truncate-end" bold={l.bold} dimColor={l.dim} color={color(l.color)}>
          {l.text}
        </Text>
      ))}
      {shown.length < body && <Box height={body - shown.length} />}
    </Box>
  );
}
