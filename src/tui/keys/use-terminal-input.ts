/**
 * The console's one keyboard subscription. Ink's `useInput` cannot be used: Ink 6.8 names an unknown
 * CSI sequence (`ESC[32m` in a pasted colour, the status reply `ESC[0n`) with an undefined key name,
 * and its own handler then reads `input.startsWith` of undefined and throws before any callback runs
 * (the crash of issue 13). So this listens to the same event Ink's `useInput` does — the reads Ink's
 * stdin reader has cut into text runs and escape sequences (`internal_eventEmitter` of `useStdin`) —
 * and hands every one to keys/decode.ts, which keeps state across reads (a paste spans several).
 * One dispatch per read, and none for a read that means nothing.
 */
import { useStdin } from 'ink';
import { useEffect } from 'react';
import type { StateAction } from '../state/types.js';
import { decode, FRESH_DECODER } from './decode.js';

export function useTerminalInput(dispatch: (a: StateAction) => void): void {
  const { setRawMode, internal_eventEmitter: input } = useStdin();
  // Raw mode for the console's whole life (Ink turns it off, and drops what it holds, whenever no one wants it).
  useEffect(() => {
    setRawMode(true);
    return () => setRawMode(false);
  }, [setRawMode]);
  useEffect(() => {
    let state = FRESH_DECODER;
    const onInput = (read: unknown) => {
      const decoded = decode(state, typeof read === 'string' ? read : String(read));
      state = decoded.state;
      if (decoded.events.length) dispatch({ type: 'input', events: decoded.events });
    };
    input.on('input', onInput);
    return () => {
      input.off('input', onInput);
    };
  }, [input, dispatch]);
}
