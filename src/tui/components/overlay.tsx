/** The open dialog, sized to the space it is given; its keys go to the reducer like the panes'. */
import { Box, Text } from 'ink';
import type { ChecklistItem } from '../../domain/checklist.js';
import type { Macro, Me } from '../../domain/macro.js';
import type { Overlay } from '../state/act/types.js';
import { sanitizeLine } from '../../domain/sanitize.js';
import { ComposeView } from './compose.js';
import { AskLine, Filler, TitleBar } from './dialog-parts.js';
import { HelpView } from './help-overlay.js';
import { PickerView } from './picker.js';
import { ChecklistView, MacroPickerView } from './request-dialogs.js';
import { FormView } from './ticket-form.js';

/** Pickers, text boxes and questions take the detail pane's place; the form and help the whole body. */
export function overlayFillsBody(o: Overlay | null): boolean {
  return o !== null && (o.kind === 'form' || o.kind === 'help');
}

export interface OverlayData {
  macros: readonly Macro[];
  me: Me;
  checklist: readonly ChecklistItem[];
}

export function OverlayView({ overlay, width, height, data }: { overlay: Overlay; width: number; height: number; data: OverlayData }) {
  const h = Math.max(2, height);
  const o = overlay;
  return (
    <Box flexDirection="column" width={width} height={h} overflow="hidden">
      {o.kind === 'picker' ? (
        <PickerView o={o} width={width} height={h} />
      ) : o.kind === 'compose' ? (
        <ComposeView o={o} width={width} height={h} />
      ) : o.kind === 'form' ? (
        <FormView o={o} width={width} height={h} />
      ) : o.kind === 'macro' ? (
        <MacroPickerView o={o} macros={data.macros} me={data.me} width={width} height={h} />
      ) : o.kind === 'checklist' ? (
        <ChecklistView o={o} items={data.checklist} width={width} height={h} />
      ) : o.kind === 'help' ? (
        <HelpView scroll={o.scroll} width={width} height={h} />
      ) : (
        <>
          <TitleBar title={`Confirm · ${o.target?.label ?? ''}`} width={width} />
          <Text wrap="truncate-end">{` ${sanitizeLine(o.target?.ids.map((id) => `HD-${id}`).join(' ') ?? '')}`}</Text>
          <Filler lines={h - 3} />
          {o.ask && <AskLine question={o.ask.question} width={width} />}
        </>
      )}
    </Box>
  );
}
