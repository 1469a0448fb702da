/**
 * The console: one reducer (state/), the desk and the keyboard's dispatcher in context, the data
 * feeds (components/feeds.tsx) and the screen (components/screen.tsx). An error thrown anywhere in
 * the tree goes to `onCrash` (main.ts saves what can be saved, session/rescue.ts).
 */
import { useStdout } from 'ink';
import { Component, useMemo, useReducer, type ReactNode } from 'react';
import { Feeds } from './components/feeds.js';
import { Screen } from './components/screen.js';
import { TOUR_LINES, TourGuide } from './components/tour-box.js';
import { ConsoleContext } from './hooks/console-context.js';
import { DeskContext } from './hooks/desk-context.js';
import { terminalSize } from './hooks/use-resize.js';
import type { ConsoleProps } from './props.js';
import { withReopened } from './state/act/saved.js';
import { initialState, withCategories } from './state/initial.js';
import { reducer } from './state/reducer.js';
import type { State } from './state/types.js';

export type { ConsoleProps } from './props.js';

class CrashGuard extends Component<{ onCrash: (error: unknown) => void; children: ReactNode }, { crashed: boolean }> {
  override state = { crashed: false };
  static getDerivedStateFromError() {
    return { crashed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.onCrash(error);
  }
  override render() {
    return this.state.crashed ? null : this.props.children;
  }
}

function start(props: ConsoleProps, size: { columns: number; rows: number }): State {
  const s = withCategories(initialState(props.views, props.keymap, size, props.preload), props.categories);
  if (!props.reopened?.length) return s;
  const act = withReopened(s.act, props.reopened);
  return act === s.act ? s : { ...s, act: { ...act, loud: true }, notice: 'your unsent text is back (the console had stopped)' };
}

function Console(props: ConsoleProps) {
  const { stdout } = useStdout();
  const [state, dispatch] = useReducer(reducer, props, (p) => start(p, terminalSize(stdout, p.tour ? TOUR_LINES : 0)));
  if (props.snapshot) props.snapshot.current = state;
  const { desk, me, keymap, color } = props;
  const deskValue = useMemo(() => ({ desk, me, version: state.version }), [desk, me, state.version]);
  const ui = useMemo(() => ({ keymap, dispatch, color }), [keymap, color]);
  return (
    <DeskContext.Provider value={deskValue}>
      <ConsoleContext.Provider value={ui}>
        <Feeds state={state} dispatch={dispatch} {...props} />
        <Screen state={state} {...props} />
        {props.tour && <TourGuide state={state} tour={props.tour} width={state.size.columns} />}
      </ConsoleContext.Provider>
    </DeskContext.Provider>
  );
}

export function ConsoleApp(props: ConsoleProps) {
  const { onCrash } = props;
  return onCrash ? (
    <CrashGuard onCrash={onCrash}>
      <Console {...props} />
    </CrashGuard>
  ) : (
    <Console {...props} />
  );
}
