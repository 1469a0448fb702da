/**
 * Runs queued intents one at a time through the store (intents.ts) and reports each outcome to the
 * reducer, which reloads what the write changed (our own writes do not move data_version).
 */
import { useStdin, useStdout } from 'ink';
import { useEffect, useRef } from 'react';
import { remoteClients } from '../../io/remote-session.js';
import { readSettings } from '../../settings.js';
import { editInTerminal, osc52, runInTerminal } from '../session/suspend.js';
import type { Queued } from '../state/act/types.js';
import type { StateAction } from '../state/types.js';
import { useDesk } from './desk-context.js';
import { runIntent, type Runner } from './intents.js';

export function useIntents(env: Record<string, string | undefined>, queue: readonly Queued[], dispatch: (a: StateAction) => void): void {
  const { desk, me } = useDesk();
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
      remote: {
        path: env.PATH ?? '',
        // Read when a session starts (a getter), so a bad setting is that intent's error, not a crash.
        get clients() {
          return remoteClients(readSettings(env));
        },
        run: (argv) => runInTerminal({ stdin, stdout, redraw: () => write('') }, env, argv),
      },
    };
    void runIntent(runner, head.intent).then((outcome) => dispatch({ type: 'intentDone', seq: head.seq, outcome }));
  }, [head, desk, me, env, stdin, stdout, write, dispatch]);
}
