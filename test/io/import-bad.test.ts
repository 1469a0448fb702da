/**
 * Every malformed import in fixtures/bad/import (and a 50 MB line, made here) through the CLI: exit 4, one
 * line naming the file, the line or record, and the field where there is one; the desk unchanged.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { deskEnv, deskSnapshot } from '../helpers/desk-env.js';

const BAD = fileURLToPath(new URL('../../fixtures/bad/import', import.meta.url));

const CASES: [format: string, file: string, message: string][] = [
  ['jsonl', 'truncated.jsonl', 'truncated.jsonl:5: not JSON (Unterminated string'],
  ['csv', 'wrong-columns.csv', 'wrong-columns.csv:3: 5 columns where the header has 4'],
  ['jsonl', 'junk.bin', 'junk.bin:1: not valid UTF-8 text'],
  ['csv', 'junk.bin', 'junk.bin:1: not valid UTF-8 text'],
  ['csv', 'invalid-utf8.csv', 'invalid-utf8.csv:3: not valid UTF-8 text'],
  ['jsonl', 'invalid-utf8.jsonl', 'invalid-utf8.jsonl:5: not valid UTF-8 text'],
  ['jsonl', 'empty.jsonl', 'empty.jsonl: no rows: the file is empty'],
  ['csv', 'empty.csv', 'empty.csv: no header row: the file is empty'],
  ['csv', 'bad-date.csv', "bad-date.csv:3: created: '31-02-2026 10:00' is not a date read as day first"],
  ['csv', 'bad-email.csv', "bad-email.csv:3: requester.email: 'ben@@example.com' is not an email address"],
  ['jsonl', 'dangling-ref.jsonl', 'dangling-ref.jsonl:1: requester_id: no requesters row 7 earlier in the file'],
  ['jsonl', 'unknown-column.jsonl', 'unknown-column.jsonl:1: evil"; DROP TABLE tickets; --: tickets has no such column'],
];

async function deskWithTicket() {
  const env = await deskEnv();
  expect((await runCli(['ticket', 'create', '-t', 'Existing ticket', '-r', 'ana@example.com'], { env })).code).toBe(0);
  return env;
}

async function refused(env: Record<string, string>, args: string[], message: string) {
  const before = await deskSnapshot(env);
  const r = await runCli(args, { env });
  expect(r.code).toBe(4);
  expect(r.stderr).toContain(message);
  // Plain progress lines may come first on a long run (stderr is no terminal here); then the one error line.
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines.filter((l) => !/^importing: \d+% /.test(l))).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stdout).toBe('');
  expect(await deskSnapshot(env)).toBe(before);
}

describe('malformed imports', () => {
  it.each(CASES)('import %s %s', async (format, file, message) => {
    await refused(await deskWithTicket(), ['import', format, join(BAD, file)], `deskline: ${join(BAD, file)}${message.slice(file.length)}`);
  });

  it.each(['jsonl', 'csv'])(
    'a 50 MB line (%s) is refused before it is held whole',
    async (format) => {
      const path = join(tempDir(), `huge.${format}`);
      const out = createWriteStream(path);
      out.write(format === 'csv' ? 'Subject,Email\n"' : '{"table":"tickets","row":{"title":"');
      const chunk = 'x'.repeat(1024 * 1024);
      for (let i = 0; i < 50; i++) if (!out.write(chunk)) await once(out, 'drain');
      out.end(format === 'csv' ? '",a@example.com\n' : '"}}\n');
      await once(out, 'finish');
      const line = format === 'csv' ? 2 : 1;
      const message = format === 'csv' ? 'a record longer than 16 MB' : 'line longer than 16 MB';
      await refused(await deskWithTicket(), ['import', format, path], `${path}:${line}: ${message}`);
    },
    60_000,
  );

  it('a bad record after good ones leaves none of them written', async () => {
    const env = await deskWithTicket();
    const path = join(tempDir(), 'late.csv');
    const good = Array.from({ length: 300 }, (_, i) => `Ticket ${i},user${i}@example.com,2026-03-02`);
    (await import('node:fs')).writeFileSync(path, ['Subject,Email,Opened', ...good, 'Broken,z@example.com,2026-13-45'].join('\n'));
    await refused(env, ['import', 'csv', path], `${path}:302: created: '2026-13-45' is not a date`);
  });
});
