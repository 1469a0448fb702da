/** The queue: a column header and only the visible rows; keys work while it has the focus. */
import { Box, Text } from 'ink';
import { memo } from 'react';
import { dueBadge, DUE_LOOK, DEFAULT_SLA_SETTINGS, type SlaSettings } from '../../domain/sla-badge.js';
import type { TicketListRow } from '../../store/ticket-list.js';
import { useColor } from '../hooks/console-context.js';
import { COLUMN_ORDER, HEADER_LABELS, priorityLook, rowCells, rowLayout, statusLook, type RowLayout } from '../text/format.js';
import { fit } from '../text/text.js';

export interface QueuePaneProps {
  rows: readonly TicketListRow[];
  /** Index of the selected row within `rows`, or -1. */
  selected: number;
  width: number;
  height: number;
  focused: boolean;
  loaded: boolean;
  now: number;
  /** Ids of marked tickets (`x`): a `*` before the ref. */
  marks?: ReadonlySet<number>;
  /** SLA targets and calendars for the due column. */
  sla?: SlaSettings;
}

export function QueuePane({ rows, selected, width, height, focused, loaded, now, marks, sla = DEFAULT_SLA_SETTINGS }: QueuePaneProps) {
  const l = rowLayout(width);
  const header = fit(
    `    ${COLUMN_ORDER.filter((k) => l[k] > 0)
      .map((k) => fit(HEADER_LABELS[k]!, l[k]))
      .join(' ')}`,
    width,
  );
  const blank = height - rows.length;
  return (
    <Box flexDirection="column" width={width} height={height + 1}>
      <Text dimColor wrap="truncate-end">
        {header}
      </Text>
      {rows.map((r, i) => (
        <QueueRow
          key={r.id}
          row={r}
          layout={l}
          now={now}
          selected={i === selected}
          focused={focused}
          marked={marks?.has(r.id) ?? false}
          sla={sla}
        />
      ))}
      {blank > 0 && (
        <Text dimColor wrap="truncate-end">
          {rows.length === 0 ? (loaded ? '   No tickets match this view.' : '   Loading…') : ' '}
        </Text>
      )}
      {blank > 1 && <Box height={blank - 1} />}
    </Box>
  );
}

interface RowProps {
  row: TicketListRow;
  layout: RowLayout;
  now: number;
  selected: boolean;
  focused: boolean;
  marked: boolean;
  sla: SlaSettings;
}

/** The cells drawn in their own text nodes before the rest. */
const LEAD = new Set(['ref', 'status', 'due']);

const QueueRow = memo(function QueueRow({ row, layout, now, selected, focused, marked, sla }: RowProps) {
  const color = useColor();
  const p = priorityLook(row.priority);
  const s = statusLook(row.status);
  const due = dueBadge(row, sla, now);
  const cells = rowCells(row, layout, now, due);
  const cell = (key: string) => cells.find((c) => c.key === key)?.text;
  const status = cell('status');
  const dueText = cell('due');
  const rest = cells.filter((c) => !LEAD.has(c.key)).map((c) => ` ${c.text}`);
  const inverse = selected && focused;
  const bold = selected && !focused;
  // The glyphs and the due cell in text nodes of their own: the other cells stay plain ASCII for ASCII
  // data, so Ink measures them fast.
  return (
    <Box>
      <Text inverse={inverse} bold={bold}>
        {selected ? '▸' : ' '}
        <Text color={color(p.color)} bold={p.bold} dimColor={p.dim}>
          {p.glyph}
        </Text>
        <Text color={color(s.color)} dimColor={s.dim}>
          {s.glyph}
        </Text>
      </Text>
      <Text wrap="truncate-end" inverse={inverse} bold={bold}>
        {`${marked ? '*' : ' '}${cell('ref')}`}
        {status !== undefined && (
          <Text color={color(s.color)} dimColor={s.dim}>
            {` ${status}`}
          </Text>
        )}
      </Text>
      {dueText !== undefined && (
        <Text inverse={inverse} bold={bold} color={color(due ? DUE_LOOK[due.state].color : undefined)}>{` ${dueText}`}</Text>
      )}
      <Text wrap="truncate-end" inverse={inverse} bold={bold}>
        {rest.join('')}
      </Text>
    </Box>
  );
});
