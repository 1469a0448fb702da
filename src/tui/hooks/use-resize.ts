/** The terminal's size goes to the reducer as it changes (the reducer lays the screen out). */
import { useStdout } from 'ink';
import { useEffect } from 'react';
import type { StateAction } from '../state/types.js';

export function terminalSize(stdout: { columns?: number; rows?: number }): { columns: number; rows: number } {
  return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}

export function useResize(dispatch: (a: StateAction) => void): void {
  const { stdout } = useStdout();
  useEffect(() => {
    const onResize = () => dispatch({ type: 'resize', ...terminalSize(stdout) });
    stdout.on('resize', onResize);
    onResize();
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, dispatch]);
}
