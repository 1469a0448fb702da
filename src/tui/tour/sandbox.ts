/**
 * The tour's desk: a throwaway file in a private temporary folder, filled with demo tickets and the
 * starter KB, removed when the tour ends. The technician's own desk is never opened.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allLessons, readProgress, resumeAt, writeProgress } from '../../io/tour-files.js';
import type { Identity } from '../../settings.js';
import { openDesk, type Desk } from '../../store/desk.js';
import type { Binding } from '../keys/actions.js';
import type { TourProps } from './use-tour.js';

type Env = Record<string, string | undefined>;

/** Enough for every view to hold tickets (my queue, unassigned, breaching soon), small enough to seed in a moment. */
const SANDBOX_TICKETS = 300;
/** The same demo desk every time: a lesson's steps meet the same tickets. */
const SANDBOX_SEED = 24;

export interface Sandbox {
  desk: Desk;
  dispose(): Promise<void>;
}

export async function openSandbox(me: Identity): Promise<Sandbox> {
  const dir = mkdtempSync(join(tmpdir(), 'deskline-tour-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const desk = await openDesk(join(dir, 'tour.db'));
    const [{ seedDemo }, { starterArticles }] = await Promise.all([import('../../demo/seed.js'), import('../../io/kb-import.js')]);
    await seedDemo(desk, { tickets: SANDBOX_TICKETS, seed: SANDBOX_SEED, me, articles: starterArticles() });
    return {
      desk,
      dispose: async () => {
        await desk.close().catch(() => undefined);
        remove();
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}

/** The lessons (shipped, then the desk's own) and where the tour stopped last time. */
export function tourProps(env: Env): TourProps {
  const lessons = allLessons(env);
  return {
    lessons,
    start: resumeAt(lessons, readProgress(env)),
    save: (at) => writeProgress(env, { lesson: lessons[at.lesson]!.id, step: at.step, finished: at.finished }),
  };
}

/** In the tour, Esc in the queue leaves (elsewhere it still closes what is open). */
export const TOUR_KEYS: readonly Binding[] = [
  { key: 'escape', action: 'quit', help: 'leave the tour (it remembers where you stopped)', when: ['queue'] },
];
