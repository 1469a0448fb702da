/** `deskline tour add | list | reset` in process, and the lesson format's checks (domain/tour-lesson.ts). */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/domain/tour-lesson.js';
import { runCli } from '../helpers/cli.js';
import { tempDir, tempEnv } from '../helpers/temp.js';

const OURS = fileURLToPath(new URL('../../fixtures/readme/tour-lesson.json', import.meta.url));

describe('deskline tour', () => {
  it('adds a desk lesson after the shipped nine (0600), lists where the tour stopped, resets', async () => {
    const env = tempEnv();
    expect(await runCli(['tour', 'add', OURS], { env })).toEqual({
      code: 0,
      stdout: 'lesson our-printers added: Printers at our office (2 steps)\n',
      stderr: '',
    });
    const file = join(env.XDG_CONFIG_HOME!, 'deskline', 'tour', 'our-printers.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(env.XDG_CONFIG_HOME!, 'deskline', 'tour')).mode & 0o777).toBe(0o700);
    // the same id again replaces it: still ten lessons
    expect((await runCli(['tour', 'add', OURS], { env })).code).toBe(0);
    const list = await runCli(['tour', 'list'], { env });
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/^ 1\. move-and-read +Move and read$/);
    expect(lines[9]).toMatch(/^10\. our-printers +Printers at our office$/);
    writeFileSync(join(env.XDG_CONFIG_HOME!, 'deskline', 'tour-state.json'), '{"lesson":"take","step":1,"finished":false}');
    expect((await runCli(['tour', 'list'], { env })).stdout).toMatch(/ 3\. take +Take a ticket +← step 2 next\n/);
    expect((await runCli(['tour', 'reset'], { env })).code).toBe(0);
    expect((await runCli(['tour', 'list'], { env })).stdout).not.toContain('←');
  });

  it('refuses a bad lesson in one line naming the file and the field (exit 4), and adds nothing', async () => {
    const env = tempEnv();
    const dir = tempDir();
    const cases: [string, string][] = [
      [
        '{"id":"x","title":"T","steps":[{"say":"Press j","done":{"moved":true,"view":"2"}}]}',
        'bad.json: steps[0].done: must have exactly one of view, focus',
      ],
      [
        '{"id":"x","title":"T","steps":[{"say":"Press j","done":{"ticket":{"colour":"red"}}}]}',
        'bad.json: steps[0].done.ticket.colour: not a ticket field',
      ],
      ['{"id":"Has Spaces","title":"T","steps":[]}', 'bad.json: id: lower-case letters, digits and -'],
      ['{"id":"x","title":"T","steps":[]}', 'bad.json: steps: must be a non-empty list'],
      ['{"id":"x","title":"T\\u001b[31m","steps":[{"say":"s","done":{"kb":true}}]}', 'bad.json: title: must be text on one line'],
      ['not json', 'bad.json: not JSON'],
    ];
    for (const [text, message] of cases) {
      writeFileSync(join(dir, 'bad.json'), text);
      const r = await runCli(['tour', 'add', join(dir, 'bad.json')], { env });
      expect([r.code, r.stderr.split('\n').length]).toEqual([4, 2]);
      expect(r.stderr).toContain(message);
    }
    expect((await runCli(['tour', 'add', join(dir, 'missing.json')], { env })).code).toBe(2);
    expect((await runCli(['tour', 'list'], { env })).stdout.trimEnd().split('\n')).toHaveLength(9);
    expect((await runCli(['tour'], { env })).stderr).toBe('deskline: deskline tour opens the console: run it in a terminal\n');
  });

  it('reads every check kind the format has', () => {
    const done = [
      { view: '2' },
      { focus: 'detail' },
      { moved: true },
      { filter: '' },
      { ticket: { assignee: 'me' } },
      { escalated: true },
      { timeline: 'note' },
      { kb: false },
      { links: 1 },
      { marks: 2 },
      { marked: { priority: 'low' } },
      { dashboard: true },
    ];
    const lesson = parseLesson(JSON.stringify({ id: 'all', title: 'All', steps: done.map((d) => ({ say: 'x', done: d })) }), 'all.json');
    expect(lesson.steps.map((s) => s.done)).toEqual(done);
  });
});
