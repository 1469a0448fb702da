/**
 * `?`: every binding from the keymap, grouped by pane, as the config has them. Wide terminals show
 * columns; otherwise j/k scroll. Never taller than the space it is given.
 */
import { Box, Text } from 'ink';
import { useConsole } from '../hooks/console-context.js';
import { helpLines, type HelpLine } from '../text/help-lines.js';
import { fit } from '../text/text.js';
import { Filler, TitleBar } from './dialog-parts.js';

const COLUMN = 50;

export function HelpView({ scroll, width, height }: { scroll: number; width: number; height: number }) {
  const { keymap } = useConsole();
  const lines = helpLines(keymap);
  const body = Math.max(1, height - 1);
  const columns = Math.max(1, Math.min(3, Math.floor(width / COLUMN)));
  const fits = columns > 1 && Math.ceil(lines.length / columns) <= body;
  if (fits) {
    const per = Math.ceil(lines.length / columns);
    const colWidth = Math.floor(width / columns);
    return (
      <>
        <TitleBar title="Keys (as configured) — Esc closes" width={width} />
        <Box flexDirection="row" height={body}>
          {Array.from({ length: columns }, (_, c) => (
            <Box key={c} flexDirection="column" width={colWidth}>
              {lines.slice(c * per, (c + 1) * per).map((l, i) => (
                <HelpText key={i} line={l} width={colWidth} />
              ))}
            </Box>
          ))}
        </Box>
      </>
    );
  }
  const top = Math.max(0, Math.min(scroll, lines.length - body));
  const shown = lines.slice(top, top + body);
  const where = lines.length > body ? ` ${top + 1}-${top + shown.length}/${lines.length} ` : '';
  return (
    <>
      <TitleBar title="Keys (as configured) — j/k scroll, Esc closes" width={width} right={where} />
      {shown.map((l, i) => (
        <HelpText key={top + i} line={l} width={width} />
      ))}
      <Filler lines={body - shown.length} />
    </>
  );
}

function HelpText({ line, width }: { line: HelpLine; width: number }) {
  return (
    <Text bold={line.bold} wrap="truncate-end">
      {fit(line.text, width)}
    </Text>
  );
}
