/**
 * One pane's keyboard, subscribed only while the pane has the focus. Keys go to the reducer as names;
 * it resolves them through the keymap against the state they arrive in.
 */
import { useInput } from 'ink';
import { useConsole } from './context.js';
import { keyName } from './keymap.js';

export function useKeys(isActive: boolean): void {
  const { dispatch } = useConsole();
  useInput((input, key) => dispatch({ type: 'key', name: keyName(input, key), input, printable: input !== '' && !key.ctrl && !key.meta }), {
    isActive,
  });
}
