/**
 * The KB screen's result list: two lines a result (ref, title, category; then the snippet with the
 * matched words highlighted, or in [brackets] without colour), scrolled to keep the selection shown.
 */
import { Box, Text } from 'ink';
import { sanitizeLine } from '../../domain/sanitize.js';
import type { KbSearchResult } from '../../store/kb-search.js';
import { useColor, useConsole } from '../hooks/console-context.js';
import { kbRef, snippetParts } from '../text/kb-lines.js';
import { fit, width as cells } from '../text/text.js';

export interface KbResultsProps {
  results: readonly KbSearchResult[];
  sel: number;
  width: number;
  height: number;
  /** The list has the keys (j/k); otherwise the selection is only marked. */
  focused: boolean;
}

export const LINES_PER_RESULT = 2;

export function KbResults({ results, sel, width, height, focused }: KbResultsProps) {
  const { color: colorOn } = useConsole();
  const color = useColor();
  const room = Math.max(1, Math.floor(height / LINES_PER_RESULT));
  const top = Math.max(0, Math.min(sel - Math.floor(room / 2), results.length - room));
  const shown = results.slice(top, top + room);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {shown.map((r, i) => {
        const selected = top + i === sel;
        const tail = ` · ${sanitizeLine(r.category)}${r.status === 'draft' ? ' · draft' : ''} `;
        const head = fit(`${selected ? '▸' : ' '} ${kbRef(r.id)}  ${sanitizeLine(r.title)}`, Math.max(0, width - cells(tail)));
        return (
          <Box key={r.id} flexDirection="column">
            <Text wrap="truncate-end" inverse={selected && focused} bold={selected}>
              {head}
              <Text dimColor={!(selected && focused)}>{tail}</Text>
            </Text>
            <Text wrap="truncate-end" dimColor={!r.snippet}>
              {'    '}
              {r.snippet
                ? snippetParts(r.snippet, Math.max(4, width - 5), colorOn).map((p, j) =>
                    p.hit ? (
                      <Text key={j} bold color={color('yellow')}>
                        {p.text}
                      </Text>
                    ) : (
                      p.text
                    ),
                  )
                : '(no text)'}
            </Text>
          </Box>
        );
      })}
    </Box>
  );
}
