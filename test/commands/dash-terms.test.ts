/** Query terms that begin with '-' work unquoted, as the README writes them (the built binary, a real process). */
import { beforeEach, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { tempDeskEnv } from '../helpers/temp.js';

let env: Record<string, string>;

const refs = async (...query: string[]) => {
  const r = await runBin(['ticket', 'list', ...query, '-q'], { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout.split('\n').filter(Boolean);
};

describe('query terms beginning with -', () => {
  // tempEnv's folder lasts one test: each test gets its own desk of three tickets.
  beforeEach(async () => {
    env = await tempDeskEnv();
    const tickets = [
      { title: 'VPN cannot connect from home', tags: ['vpn'] },
      { title: 'Win a prize: cannot connect', tags: ['vpn', 'spam'] },
      { title: 'Printer cannot connect', tags: ['printer'] },
    ];
    const r = await runBin(['ticket', 'create', '--from-json', '-', '-q'], { env, stdin: JSON.stringify(tickets) });
    expect(r.code).toBe(0);
  });

  it('runs the README\'s negation: tag:vpn -tag:spam "cannot connect"', async () => {
    expect(await refs('tag:vpn', '-tag:spam', 'cannot connect')).toEqual(['HD-1']);
  });

  it('keeps options working around the terms, in any order', async () => {
    const json = await runBin(['ticket', 'list', '-tag:spam', '--json', 'cannot connect', '--columns', 'ref'], { env });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).tickets).toEqual([{ ref: 'HD-1' }, { ref: 'HD-3' }]);
    expect(await refs('-n1', '-tag:vpn')).toEqual(['HD-3']);
    expect(await refs('--limit', '5', '-printer', '-prize')).toEqual(['HD-1']);
  });

  it("takes words that start with a program option's letter (-V is the version) as terms", async () => {
    expect(await refs('-VPN')).toEqual(['HD-2', 'HD-3']);
    expect(await refs('-hardware')).toEqual(['HD-1', 'HD-2', 'HD-3']);
  });

  it('still names an unknown long option, and a bare - as a query error', async () => {
    const r = await runBin(['ticket', 'list', '--jsn'], { env });
    expect(r).toMatchObject({ code: 1, stderr: "deskline: unknown option '--jsn' (Did you mean --json?)\n" });
    const bare = await runBin(['ticket', 'list', 'tag:vpn', '-'], { env });
    expect(bare.code).toBe(4);
    expect(bare.stderr).toMatch(/^deskline: query: nothing after '-' at column 9/);
  });
});
