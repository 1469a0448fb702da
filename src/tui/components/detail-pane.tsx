/**
 * The detail pane: a title line, then a scrolled slice of the ticket's lines. Its data and how far it
 * scrolls come from the reducer (state/detail.ts), which loads and measures; the pane only draws.
 */
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { dueBadge, DEFAULT_SLA_SETTINGS, type SlaSettings } from '../../domain/sla-badge.js';
import type { TicketListRow } from '../../store/ticket-list.js';
import { useColor } from '../hooks/console-context.js';
import type { DetailState } from '../state/types.js';
import { detailLines, type Line } from '../text/detail-lines.js';
import { fit } from '../text/text.js';

const NO_LINES: readonly Line[] = [];

export interface DetailPaneProps {
  row: TicketListRow | undefined;
  detail: DetailState;
  /** Lines including the title line. */
  height: number;
  focused: boolean;
  now: number;
  /** Lines between the description and the timeline (suggested KB articles). */
  extra?: readonly Line[];
  /** SLA targets for the due line's sign and word. */
  sla?: SlaSettings;
  /** Lines above the description (the related tickets). */
  head?: readonly Line[];
}

export function DetailPane({
  row,
  detail,
  height,
  focused,
  now,
  extra = NO_LINES,
  sla = DEFAULT_SLA_SETTINGS,
  head = NO_LINES,
}: DetailPaneProps) {
  const color = useColor();
  const { view, events, width: wrapWidth } = detail;
  const width = wrapWidth + 1;
  const body = Math.max(0, height - 1);
  const lines = useMemo(
    () => (row ? detailLines(row, view, events, wrapWidth, now, extra, view ? dueBadge(view, sla, now) : null, head) : []),
    [row, view, events, wrapWidth, now, extra, sla, head],
  );
  const top = Math.max(0, Math.min(detail.scroll, lines.length - body));
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
