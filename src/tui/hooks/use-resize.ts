/** The terminal's size goes to the reducer as it changes (the reducer lays the screen out). */
import { useStdout } from 'ink';
import { useEffect } from 'react';
import type { StateAction } from '../state/types.js';

/** `reserve`: lines kept below the console's frame (the tour's). */
export function terminalSize(stdout: { columns?: number; rows?: number }, reserve = 0): { columns: number; rows: number } {
  return { columns: stdout.columns || 80, rows: Math.max(6, (stdout.rows || 24) - reserve) };
}

export function useResize(dispatch: (a: StateAction) => void, reserve = 0): void {
  const { stdout } = useStdout();
  useEffect(() => {
    const onResize = () => dispatch({ type: 'resize', ...terminalSize(stdout, reserve) });
    stdout.on('resize', onResize);
    onResize();
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, dispatch, reserve]);
}
