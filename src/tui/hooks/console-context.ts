/** What every pane reads without prop threading: the keymap, the dispatcher and the colour switch. */
import { createContext, useContext, type Dispatch } from 'react';
import type { Binding } from '../keys/actions.js';
import type { StateAction } from '../state/types.js';

export interface ConsoleContextValue {
  keymap: readonly Binding[];
  dispatch: Dispatch<StateAction>;
  /** False under NO_COLOR or TERM=dumb: symbols and bold/inverse still mark things. */
  color: boolean;
}

export const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside <ConsoleContext>');
  return value;
}

/** A colour prop that disappears when colour is off. */
export function useColor(): (color: string | undefined) => string | undefined {
  const { color } = useConsole();
  return (c) => (color ? c : undefined);
}
