/**
 * The desk the console works on, who is at the keyboard, and the one data-version counter (state's
 * `version`: it moves when another process commits or after a write of ours). Every data hook reads
 * them from here; none of them opens anything.
 */
import { createContext, useContext } from 'react';
import type { Desk } from '../../store/desk.js';
import type { Actor } from '../../store/executor.js';

export interface DeskValue {
  desk: Desk;
  me: Actor;
  version: number;
}

export const DeskContext = createContext<DeskValue | null>(null);

export function useDesk(): DeskValue {
  const value = useContext(DeskContext);
  if (!value) throw new Error('useDesk outside <DeskContext>');
  return value;
}
