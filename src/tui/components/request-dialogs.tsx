/** The macro picker (`m`: query, matches, the preview of the highlighted one) and a request's checklist (`c`). */
import { Box, Text } from 'ink';
import type { ChecklistItem } from '../../domain/checklist.js';
import type { Macro, Me } from '../../domain/macro.js';
import { sanitizeLine } from '../../domain/sanitize.js';
import { shownMacros } from '../state/act/request-dialogs.js';
import type { Overlay } from '../state/act/types.js';
import { itemLine, macroPreview } from '../text/request-lines.js';
import { fit } from '../text/text.js';
import { AskLine, Filler, TitleBar } from './dialog-parts.js';

type MacroPicker = Extract<Overlay, { kind: 'macro' }>;

const LIST_ROWS = 5;

export function MacroPickerView(props: { o: MacroPicker; macros: readonly Macro[]; me: Me; width: number; height: number }) {
  const { o, width, height } = props;
  const shown = shownMacros(props.macros, o);
  const listRows = Math.min(LIST_ROWS, Math.max(1, shown.length), Math.max(1, height - 4));
  const top = Math.max(0, Math.min(o.index - listRows + 1, shown.length - listRows));
  const chosen = shown[o.index];
  const room = Math.max(0, height - 2 - listRows - (o.ask ? 1 : 0));
  const preview = chosen ? macroPreview(chosen, o.subject, props.me, o.target?.label ?? '', width - 2).slice(0, room) : [];
  return (
    <>
      <TitleBar title={`Macro for ${o.target?.label ?? ''} · type to find · ⏎ applies`} width={width} />
      <Text wrap="truncate-end">{fit(` › ${sanitizeLine(o.query)}▏`, width)}</Text>
      {shown.length === 0 && <Text dimColor>{fit(`  no macro matches '${sanitizeLine(o.query)}'`, width)}</Text>}
      {shown.slice(top, top + listRows).map((m, i) => (
        <Text key={m.name} inverse={top + i === o.index} wrap="truncate-end">
          {fit(`${top + i === o.index ? '▸' : ' '} ${m.name}  ${sanitizeLine(m.title)}`, width)}
        </Text>
      ))}
      <Filler lines={listRows - Math.max(1, shown.length) > 0 ? listRows - Math.max(1, shown.length) : 0} />
      <Box flexDirection="column" height={room}>
        {preview.map((l, i) => (
          <Text key={i} bold={l.bold} dimColor={l.dim} color={l.color} wrap="truncate-end">
            {fit(` ${l.text}`, width)}
          </Text>
        ))}
      </Box>
      {o.ask && <AskLine question={o.ask.question} width={width} />}
    </>
  );
}

export function ChecklistView(props: {
  o: Extract<Overlay, { kind: 'checklist' }>;
  items: readonly ChecklistItem[];
  width: number;
  height: number;
}) {
  const { o, items, width, height } = props;
  const room = Math.max(1, height - 1);
  const top = Math.max(0, Math.min(o.index - room + 1, items.length - room));
  const done = items.filter((i) => i.doneAt !== null).length;
  return (
    <>
      <TitleBar title={`Checklist ${o.target?.label ?? ''} ${done}/${items.length} · Space ticks · Esc closes`} width={width} />
      {items.slice(top, top + room).map((item, i) => (
        <Text key={item.position} inverse={top + i === o.index} dimColor={item.doneAt !== null} wrap="truncate-end">
          {fit(`${top + i === o.index ? '▸' : ' '} ${itemLine(item)}`, width)}
        </Text>
      ))}
      <Filler lines={room - Math.min(room, items.length)} />
    </>
  );
}
