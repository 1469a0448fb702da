/**
 * NO_COLOR in the console (built binary, tmux): the raw bytes the console writes hold colour codes
 * without it and none with it (bold and inverse still mark things), queue and new-ticket form alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runBin } from '../helpers/cli.js';
import { tempDir, tempEnv } from '../helpers/temp.js';
import { tmuxSession, type TmuxSession } from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(async () => {
  while (sessions.length) await sessions.pop()!.kill();
});

/** SGR parameters that set a colour (foreground, background, 256 or true colour, bright). */
function colourCodes(raw: string): string[] {
  return [...raw.matchAll(/\x1b\[([0-9;]*)m/g)]
    .map((m) => m[1]!)
    .filter((params) => params.split(';').some((p) => /^(3[0-9]|4[0-9]|9[0-7]|10[0-7])$/.test(p)));
}

async function session(env: Record<string, string>): Promise<string> {
  const s = await tmuxSession({ cols: 100, rows: 24, env, command: [process.execPath, BIN] });
  sessions.push(s);
  const raw = join(tempDir(), 'raw.out');
  await s.pipePane(raw);
  await s.waitFor('My queue', 10_000);
  await s.sendKeys('4');
  await s.waitFor('Printer on fire');
  await s.sendKeys('n');
  await s.waitFor('New ticket');
  await s.sendKeys('C-s');
  await s.waitFor('✗');
  await s.sendKeys('Escape');
  await s.waitFor((x) => !x.includes('New ticket'));
  await s.sendKeys('q');
  expect(await s.exited()).toBe('0');
  return readFileSync(raw, 'utf8');
}

describe('console NO_COLOR (built binary)', () => {
  it('paints without NO_COLOR and writes no colour code with it', async () => {
    const env = tempEnv();
    expect((await runBin(['ticket', 'create', '-t', 'Printer on fire', '-p', 'urgent', '-q'], { env })).code).toBe(0);
    const { NO_COLOR: _, ...coloured } = env;
    expect(colourCodes(await session(coloured)).length).toBeGreaterThan(0);
    const plain = await session(env);
    expect(colourCodes(plain)).toEqual([]);
    expect(plain).toMatch(/\x1b\[7m/); // inverse still marks the selection
  });
});
