/** One pane's keyboard: active only while the pane has the focus; keys resolve through the keymap. */
import { useInput, type Key } from 'ink';
import { useConsole } from './context.js';
import { keyName, lookup, type Mode } from './keymap.js';

/** `unbound` gets keys the keymap does not bind in this mode (the filter box types them). */
export function useKeys(mode: Mode, isActive: boolean, unbound?: (input: string, key: Key) => void): void {
  const { keymap, dispatch } = useConsole();
  useInput(
    (input, key) => {
      const binding = lookup(keymap, mode, keyName(input, key));
      if (binding) dispatch({ type: 'command', command: binding.action, arg: binding.arg });
      else unbound?.(input, key);
    },
    { isActive },
  );
}
