/** Text limits count user-perceived characters (issue 13 #7): 101 emoji are not "longer than 200 characters". */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphemeCount, longerThan } from '../../src/domain/graphemes.js';
import { runCli } from '../helpers/cli.js';
import { dbRows, tempEnv } from '../helpers/temp.js';

const FAMILY = '👨‍👩‍👧'; // 8 UTF-16 units, one character
const THUMB = '👍🏽'; // 4 units, one character

describe('text limits in characters', () => {
  it('counts graphemes, not code units', () => {
    expect(graphemeCount(`${FAMILY}${THUMB}é`)).toBe(3);
    expect(longerThan(THUMB.repeat(200), 200)).toBe(false);
    expect(longerThan(THUMB.repeat(201), 200)).toBe(true);
    expect(longerThan('e\u0301'.repeat(150), 200)).toBe(false);
  });

  it('a ticket title of 101 emoji (or 200 families) is created; 201 characters are too long', async () => {
    const env = tempEnv();
    for (const title of ['🔥'.repeat(101), FAMILY.repeat(200), `${THUMB.repeat(100)}${'x'.repeat(100)}`]) {
      const r = await runCli(['ticket', 'create', '-t', title, '-q'], { env });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    const long = await runCli(['ticket', 'create', '-t', '🔥'.repeat(201)], { env });
    expect(long).toMatchObject({ code: 4, stderr: 'deskline: --title: is longer than 200 characters\n' });
    expect(await dbRows(env, 'SELECT count(*) AS n FROM tickets')).toEqual([{ n: 3 }]);
  });

  it('a KB title of 150 emoji is taken', async () => {
    const env = tempEnv();
    const file = join(env.HOME!, 'body.md');
    writeFileSync(file, 'Body\n');
    const r = await runCli(['kb', 'add', '-t', THUMB.repeat(150), file], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const long = await runCli(['kb', 'add', '-t', THUMB.repeat(201), file], { env });
    expect(long.code).toBe(4);
    expect(long.stderr).toContain('title: must be at most 200 characters');
  });
});
