/**
 * `?`: every binding from the keymap, grouped by pane, as the config has them. Laid out by
 * text/help-layout.ts: side by side when it fits, else one column that j/k scroll; descriptions wrap,
 * never cut. Never taller than the space it is given.
 */
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { useConsole } from '../hooks/console-context.js';
import { helpPage } from '../text/help-layout.js';
import { helpLines, type HelpLine } from '../text/help-lines.js';
import { fit } from '../text/text.js';
import { Filler, TitleBar } from './dialog-parts.js';

export function HelpView({ scroll, width, height }: { scroll: number; width: number; height: number }) {
  const { keymap } = useConsole();
  const body = Math.max(1, height - 1);
  const page = useMemo(() => helpPage(helpLines(keymap), width, body), [keymap, width, body]);
  if (page.kind === 'columns') {
    return (
      <>
        <TitleBar title="Keys (as configured) — Esc closes" width={width} />
        <Box flexDirection="row" height={body}>
          {page.columns.map((lines, c) => (
            <Box key={c} flexDirection="column" width={page.columnWidth}>
              {lines.map((l, i) => (
                <HelpText key={i} line={l} width={page.columnWidth} />
              ))}
            </Box>
          ))}
        </Box>
      </>
    );
  }
  const lines = page.lines;
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
