/**
 * The tour's lines under the console: the lesson and step, then what to press (wrapped to two
 * lines). The console's own frame is laid out `TOUR_LINES` shorter, so the whole stays in rows − 1.
 */
import { Text } from 'ink';
import { fit, wrap } from '../text/text.js';
import type { Lesson } from '../../domain/tour-lesson.js';
import type { State } from '../state/types.js';
import { useTour, type TourProps, type TourView } from '../tour/use-tour.js';

export const TOUR_LINES = 3;

export function TourBox({ lessons, at, width }: { lessons: readonly Lesson[]; at: TourView; width: number }) {
  const lesson = lessons[at.lesson]!;
  const title = at.finished
    ? ` Tour complete: ${lessons.length} of ${lessons.length} lessons`
    : ` Tour ${at.lesson + 1}/${lessons.length} · ${lesson.title} · step ${at.step + 1} of ${lesson.steps.length}`;
  const right = at.finished ? 'q leaves ' : 'Esc leaves (the tour remembers) ';
  const say = at.finished
    ? 'That was every lesson. Press q to leave; this sandbox desk is thrown away, your own desk was never touched.'
    : lesson.steps[at.step]!.say;
  const lines = wrap(say, Math.max(10, width - 2)).slice(0, TOUR_LINES - 1);
  return (
    <>
      <Text inverse wrap="truncate-end">
        {fit(title, Math.max(0, width - right.length))}
        {right.length <= width ? right : ''}
      </Text>
      {Array.from({ length: TOUR_LINES - 1 }, (_, i) => (
        <Text key={i} bold={i === 0} wrap="truncate-end">
          {` ${lines[i] ?? ''}`}
        </Text>
      ))}
    </>
  );
}

/** The tour under the console: follows the state, shows the step. */
export function TourGuide({ state, tour, width }: { state: State; tour: TourProps; width: number }) {
  const at = useTour(state, tour);
  return <TourBox lessons={tour.lessons} at={at} width={width} />;
}
