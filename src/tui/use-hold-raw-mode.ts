/**
 * Keeps raw mode on for the console's whole life. Panes and dialogs subscribe to keys only while
 * they have the focus; when one hands over to another, Ink's raw-mode count would touch zero in
 * between (React runs those effects after the frame is drawn), and Ink then turns raw mode off and
 * drops input it holds — a lone Esc typed right after a dialog opened was lost that way.
 */
import { useInput } from 'ink';

const ignore = () => undefined;

export function useHoldRawMode(): void {
  useInput(ignore, { isActive: true });
}
