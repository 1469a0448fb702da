/** The queue: a column header and only the visible rows; keys work while it has the focus. */
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { TicketListRow } from '../../store/ticket-list.js';
import { useColor } from '../context.js';
import { COLUMN_ORDER, HEADER_LABELS, priorityLook, rowCells, rowLayout, statusLook, type RowLayout } from '../format.js';
import { fit } from '../text.js';
import { useKeys } from '../use-keys.js';

export interface QueuePaneProps {
  rows: readonly TicketListRow[];
  /** Index of the selected row within `rows`, or -1. */
  selected: number;
  width: number;
  height: number;
  focused: boolean;
  keysActive: boolean;
  loaded: boolean;
  now: number;
}

export function QueuePane({ rows, selected, width, height, focused, keysActive, loaded, now }: QueuePaneProps) {
  useKeys(keysActive);
  const l = rowLayout(width);
  const header = fit(`    ${COLUMN_ORDER.filter((k) => l[k] > 0).map((k) => fit(HEADER_LABELS[k]!, l[k])).join(' ')}`, width);
  const blank = height - rows.length;
  return (
    <Box flexDirection="column" width={width} height={height + 1}>
      <Text dimColor wrap="truncate-end">{header}</Text>
      {rows.map((r, i) => (
        <QueueRow key={r.id} row={r} layout={l} now={now} selected={i === selected} focused={focused} />
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
}

const QueueRow = memo(function QueueRow({ row, layout, now, selected, focused }: RowProps) {
  const color = useColor();
  const p = priorityLook(row.priority);
  const s = statusLook(row.status);
  const [ref, status, ...rest] = rowCells(row, layout, now).map((c) => c.text);
  const inverse = selected && focused;
  const bold = selected && !focused;
  // Two text nodes: the glyphs, and the cells (plain ASCII for ASCII data, so Ink measures it fast).
  return (
    <Box>
      <Text inverse={inverse} bold={bold}>
        {selected ? '▸' : ' '}
        <Text color={color(p.color)} bold={p.bold} dimColor={p.dim}>{p.glyph}</Text>
        <Text color={color(s.color)} dimColor={s.dim}>{s.glyph}</Text>
      </Text>
      <Text wrap="truncate-end" inverse={inverse} bold={bold}>
        {` ${ref} `}
        <Text color={color(s.color)} dimColor={s.dim}>{status}</Text>
        {` ${rest.join(' ')}`}
      </Text>
    </Box>
  );
});
