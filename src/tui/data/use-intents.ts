/**
 * Runs queued intents one at a time through the store (intents.ts) and reports each outcome to the
 * reducer. Own writes do not change data_version: the reducer reloads the queue itself and bumps
 * `written`, which reloads the detail pane and the counts.
 */
import { useStdin, useStdout } from 'ink';
import { useEffect, useRef } from 'react';
import type { Desk } from '../../store/desk.js';
import type { Actor } from '../../store/executor.js';
import type { Queued } from '../act-types.js';
import { runIntent, type Runner } from '../intents.js';
import type { StateAction } from '../state.js';
import { editInTerminal, osc52 } from '../suspend.js';

export function useIntents(
  desk: Desk,
  me: Actor,
  env: Record<string, string | undefined>,
  queue: readonly Queued[],
  dispatch: (a: StateAction) => void,
): void {
  const { stdout, write } = useStdout();
  const { stdin } = useStdin();
  const running = useRef<number | null>(null);
  const head = queue[0];
  useEffect(() => {
    if (!head || running.current === head.seq) return;
    running.current = head.seq;
    const runner: Runner = {
      desk,
      me,
      copy: (text) => stdout.write(osc52(text)),
      edit: (text) => editInTerminal({ stdin, stdout, redraw: () => write('') }, env, text),
    };
    void runIntent(runner, head.intent).then((outcome) => dispatch({ type: 'intentDone', seq: head.seq, outcome }));
  }, [head, desk, me, env, stdin, stdout, write, dispatch]);
}
