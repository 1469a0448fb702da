/**
 * `deskline tour` (in a terminal: the console on a sandbox desk with the lessons, started by
 * src/cli.ts), `tour add FILE` (a desk's own lesson), `tour list` and `tour reset`.
 */
import { Command } from 'commander';
import { EXIT, fail } from '../errors.js';
import { addLesson, allLessons, readProgress, TOUR_START, writeProgress } from '../io/tour-files.js';
import type { Ctx } from './context.js';
import { cleanLine } from './format.js';

export function tourCommand(ctx: Ctx): Command {
  const cmd = new Command('tour')
    .description('a guided tour of the console on a sandbox desk with demo data (your desk is never touched)')
    .addHelpText('after', '\nExamples:\n  deskline tour\n  deskline tour add fixtures/readme/tour-lesson.json\n  deskline tour list')
    .action(() => fail(EXIT.usage, 'deskline tour opens the console: run it in a terminal'));
  cmd
    .command('add')
    .argument('<file>', 'a lesson as JSON: { "id", "title", "steps": [{ "say", "done" }] }')
    .description("add a desk's own lesson after the shipped ones (the same id again replaces it)")
    .action((file: string) => {
      const lesson = addLesson(ctx.io.env, file);
      ctx.out(`lesson ${lesson.id} added: ${cleanLine(lesson.title)} (${lesson.steps.length} step${lesson.steps.length === 1 ? '' : 's'})`);
    });
  cmd
    .command('list')
    .description('the lessons in tour order, and where the tour stopped')
    .action(() => {
      const lessons = allLessons(ctx.io.env);
      const at = readProgress(ctx.io.env);
      lessons.forEach((l, i) => {
        const here = !at.finished && l.id === at.lesson ? `   ← step ${at.step + 1} next` : '';
        ctx.out(`${String(i + 1).padStart(2)}. ${l.id.padEnd(24)} ${cleanLine(l.title)}${here}`);
      });
      if (at.finished) ctx.out('the tour was completed');
    });
  cmd
    .command('reset')
    .description('start the tour from the first lesson next time')
    .action(() => {
      writeProgress(ctx.io.env, TOUR_START);
      ctx.out('the tour starts from the first lesson next time');
    });
  return cmd;
}
