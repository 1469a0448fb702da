/** The bottom line: the keys that work right now (from the keymap), then sort and notices. */
import { Text } from 'ink';
import { sanitizeLine } from '../../domain/sanitize.js';
import { useConsole } from '../context.js';
import { hints, type Mode } from '../keymap.js';
import { truncate, width } from '../text.js';

export interface StatusBarProps {
  mode: Mode;
  columns: number;
  right: string;
}

export function StatusBar({ mode, columns, right }: StatusBarProps) {
  const { keymap } = useConsole();
  const shownRight = truncate(sanitizeLine(right), Math.floor(columns / 2));
  const room = columns - width(shownRight) - 1;
  const parts: { keys: string; label: string }[] = [];
  let used = 0;
  for (const h of hints(keymap, mode)) {
    const w = width(h.keys) + width(h.label) + 3;
    if (used + w > room) break;
    parts.push(h);
    used += w;
  }
  return (
    <Text wrap="truncate-end">
      {parts.map((h) => (
        <Text key={h.label}>
          {' '}
          <Text bold>{h.keys}</Text> {h.label}{' '}
        </Text>
      ))}
      {' '.repeat(Math.max(1, columns - used - width(shownRight)))}
      <Text dimColor>{shownRight}</Text>
    </Text>
  );
}
