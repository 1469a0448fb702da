/** The bottom line: the keys that work right now (from the keymap), then sort and notices. */
import { Text } from 'ink';
import { sanitizeLine } from '../../domain/sanitize.js';
import { useConsole } from '../hooks/console-context.js';
import { hints, type Mode } from '../keys/keymap.js';
import { truncate, width } from '../text/text.js';

export interface StatusBarProps {
  mode: Mode;
  columns: number;
  right: string;
  /** An action's message: it may take the whole line (the hints give way). */
  wide?: boolean;
}

const hintWidth = (h: { keys: string; label: string }) => width(h.keys) + width(h.label) + 3;

export function StatusBar({ mode, columns, right, wide = false }: StatusBarProps) {
  const { keymap } = useConsole();
  const all = hints(keymap, mode);
  // On the queue and the welcome screen the help hint is kept whenever it fits at all: the way to
  // every other key. Elsewhere (detail: `Esc back` matters more at 80 columns) it queues like the rest.
  const help = mode === 'queue' || mode === 'welcome' ? all.find((h) => h.label === 'help') : undefined;
  const shownRight = truncate(sanitizeLine(right), wide ? columns - 1 - (help ? hintWidth(help) : 0) : Math.floor(columns / 2));
  const room = columns - width(shownRight) - 1 - (help ? hintWidth(help) : 0);
  const parts: { keys: string; label: string }[] = [];
  let used = 0;
  for (const h of all) {
    if (h === help) continue;
    const w = hintWidth(h);
    if (used + w > room) break;
    parts.push(h);
    used += w;
  }
  if (help && used + hintWidth(help) <= columns - width(shownRight) - 1) {
    parts.push(help);
    used += hintWidth(help);
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
