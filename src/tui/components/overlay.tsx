/** The open dialog, sized to the space it is given; its keys go to the reducer like the panes'. */
import { Box, Text } from 'ink';
import type { Overlay } from '../state/act/types.js';
import { sanitizeLine } from '../../domain/sanitize.js';
import { ComposeView } from './compose.js';
import { AskLine, Filler, TitleBar } from './dialog-parts.js';
import { HelpView } from './help-overlay.js';
import { PickerView } from './picker.js';
import { FormView } from './ticket-form.js';

/** Pickers, text boxes and questions take the detail pane's place; the form and help the whole body. */
export function overlayFillsBody(o: Overlay | null): boolean {
  return o !== null && (o.kind === 'form' || o.kind === 'help');
}

export function OverlayView({ overlay, width, height }: { overlay: Overlay; width: number; height: number }) {
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
