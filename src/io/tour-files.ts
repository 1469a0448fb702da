/**
 * Tour lessons on disk: the ones that ship (fixtures/tour/*.json, in file-name order), then a desk's
 * own (`deskline tour add FILE`, kept beside the settings); and where the tour stopped (a small state
 * file beside the settings). Files written are private (0600 in 0700 folders).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseLesson, type Lesson } from '../domain/tour-lesson.js';
import { DesklineError, EXIT } from '../errors.js';
import { tourFolder, tourStateFile } from '../paths.js';
import { describeFileError, writePrivateFile } from '../private-files.js';
import { packageRoot } from './kb-import.js';

type Env = Record<string, string | undefined>;

function readLessons(dir: string): Lesson[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseLesson(readFileSync(join(dir, f), 'utf8'), f));
}

export function builtinLessons(): Lesson[] {
  return readLessons(join(packageRoot(), 'fixtures', 'tour'));
}

/** Every lesson in tour order: the shipped ones, then the desk's own (an own lesson with a shipped id replaces it). */
export function allLessons(env: Env): Lesson[] {
  const own = readLessons(tourFolder(env));
  const replaced = new Set(own.map((l) => l.id));
  return [...builtinLessons().filter((l) => !replaced.has(l.id)), ...own];
}

/** Checks a lesson file and keeps a copy for the tour (the same id again replaces it). */
export function addLesson(env: Env, file: string): Lesson {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DesklineError(EXIT.notFound, `cannot read ${file}: ${describeFileError(error)}`);
  }
  const lesson = parseLesson(text, basename(file));
  writePrivateFile(join(tourFolder(env), `${lesson.id}.json`), `${JSON.stringify(lesson, null, 2)}\n`);
  return lesson;
}

export interface TourProgress {
  /** The lesson to take up, by id, and the step within it. */
  lesson: string | null;
  step: number;
  finished: boolean;
}

export const TOUR_START: TourProgress = { lesson: null, step: 0, finished: false };

export function readProgress(env: Env): TourProgress {
  try {
    const raw = JSON.parse(readFileSync(tourStateFile(env), 'utf8')) as Partial<TourProgress>;
    return {
      lesson: typeof raw.lesson === 'string' ? raw.lesson : null,
      step: Number.isInteger(raw.step) && raw.step! >= 0 ? raw.step! : 0,
      finished: raw.finished === true,
    };
  } catch {
    return TOUR_START;
  }
}

export function writeProgress(env: Env, progress: TourProgress): void {
  writePrivateFile(tourStateFile(env), `${JSON.stringify(progress)}\n`);
}

/** Where to begin: the lesson (index) and step saved, or the first lesson. */
export function resumeAt(lessons: readonly Lesson[], p: TourProgress): { lesson: number; step: number } {
  const at = lessons.findIndex((l) => l.id === p.lesson);
  if (at < 0 || p.finished) return { lesson: 0, step: 0 };
  return { lesson: at, step: Math.min(p.step, lessons[at]!.steps.length - 1) };
}
