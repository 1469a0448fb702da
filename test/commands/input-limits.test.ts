/**
 * Inputs at the edges (issue 14, item 8): each ends with the documented exit code (4, invalid input)
 * and one line naming what was wrong, with the desk unchanged.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { dbRows, tempEnv } from '../helpers/temp.js';

function expectOneLine(r: CliResult, code: number, text: string): void {
  expect(r.stderr).toMatch(/^deskline: [^\n]+\n$/);
  expect(r.stderr).toContain(text);
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
}

async function deskWithOneTicket(): Promise<Record<string, string>> {
  const env = tempEnv();
  expect((await runCli(['ticket', 'create', '-t', 'VPN drops', '-q'], { env })).code).toBe(0);
  return env;
}

describe('inputs at the edges', () => {
  it('a 50,000-character query is invalid input (4), not a database fault (5)', async () => {
    const env = await deskWithOneTicket();
    expectOneLine(await runCli(['ticket', 'list', 'a'.repeat(50_000)], { env }), 4, 'search text too long');
  });

  it('a YAML alias bomb in kb import is invalid input naming the file, and nothing is imported', async () => {
    const env = await deskWithOneTicket();
    const dir = join(env.HOME!, 'kb', 'network');
    mkdirSync(dir, { recursive: true });
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 8; i++) {
      const [name, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    writeFileSync(join(dir, 'bomb.md'), `---\ntitle: Bomb\n${levels.join('\n')}\n---\nbody\n`);
    const r = await runCli(['kb', 'import', join(env.HOME!, 'kb')], { env });
    expectOneLine(r, 4, 'bomb.md');
    expect(r.stderr).toContain('alias');
    expect(await dbRows(env, "SELECT slug FROM kb_articles WHERE slug = 'bomb'")).toEqual([]);
  });

  it.each([
    [['kb', 'search', 'vpn', '--limit', '0'], "--limit: '0'"],
    [['kb', 'suggest', 'HD-1', '--limit', '0'], "--limit: '0'"],
    [['ticket', 'update', 'HD-1', '--priority', 'high', '--if-version', '-1'], "--if-version: '-1'"],
    [['ticket', 'update', 'HD-1', '--priority', 'high', '--if-version', '0'], "--if-version: '0'"],
  ])('%j is invalid input (4)', async (args, text) => {
    const env = await deskWithOneTicket();
    expectOneLine(await runCli(args, { env }), 4, text);
    expect(await dbRows(env, 'SELECT priority, version FROM tickets')).toEqual([{ priority: 'normal', version: 1 }]);
  });

  it('an unknown command is one line, the suggestion included', async () => {
    const env = tempEnv();
    const r = await runCli(['tickt', 'list'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("deskline: unknown command 'tickt' (Did you mean ticket?)\n");
  });
});
