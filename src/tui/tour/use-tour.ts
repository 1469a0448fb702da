/**
 * The tour's progress: the lesson and step shown, moved on when the step's check (tour/checks.ts)
 * holds for the console's state and the desk's rows. Checked again at each change of the state; each
 * step done is saved, so leaving at any moment (Esc) takes up the same step next time.
 */
import { useEffect, useRef, useState } from 'react';
import type { Lesson } from '../../domain/tour-lesson.js';
import { useDesk } from '../hooks/desk-context.js';
import type { State } from '../state/types.js';
import { baselineOf, isDone, type Baseline } from './checks.js';

export interface TourAt {
  lesson: number;
  step: number;
}

export interface TourProps {
  lessons: readonly Lesson[];
  start: TourAt;
  /** Saves where the tour is, each time a step is done. */
  save(at: TourAt & { finished: boolean }): void;
}

export interface TourView extends TourAt {
  finished: boolean;
}

function after(lessons: readonly Lesson[], at: TourAt): TourView {
  if (at.step + 1 < lessons[at.lesson]!.steps.length) return { lesson: at.lesson, step: at.step + 1, finished: false };
  if (at.lesson + 1 < lessons.length) return { lesson: at.lesson + 1, step: 0, finished: false };
  return { ...at, finished: true };
}

export function useTour(state: State, tour: TourProps, clock: () => number = Date.now): TourView {
  const { desk, me } = useDesk();
  const [at, setAt] = useState<TourView>({ ...tour.start, finished: false });
  const base = useRef<{ key: string; base: Baseline } | null>(null);
  const key = `${at.lesson}:${at.step}`;
  if (base.current?.key !== key) base.current = { key, base: baselineOf(state, clock()) };
  const checking = useRef(0);
  useEffect(() => {
    if (at.finished) return;
    const step = tour.lessons[at.lesson]?.steps[at.step];
    if (!step) return;
    const seq = ++checking.current;
    const from = base.current!.base;
    isDone(step.done, state, from, desk.db, me)
      .then((done) => {
        if (!done || seq !== checking.current) return;
        const next = after(tour.lessons, at);
        tour.save({ lesson: next.lesson, step: next.step, finished: next.finished });
        setAt(next);
      })
      // the desk went away (leaving): nothing to move on to
      .catch(() => undefined);
  }, [state, at, tour, desk, me]);
  return at;
}
