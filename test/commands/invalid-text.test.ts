/**
 * Issue 14.6: text that cannot be stored faithfully is refused on every write path (flags, JSON,
 * stdin, files): invalid UTF-8, NUL, lone surrogates, and line breaks in one-line fields. Exit 4,
 * one line naming the field (or the source), and the desk as it was.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type RunOptions } from '../helpers/cli.js';
import { snapshot } from '../helpers/db-snapshot.js';
import { tempDir, tempEnv } from '../helpers/temp.js';

const BAD_UTF8 = Buffer.concat([Buffer.from('{"title":"caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);

interface Case {
  name: string;
  args: string[];
  stdin?: string | Buffer;
  message: string;
}

const CASES: Case[] = [
  {
    name: 'invalid UTF-8 JSON on stdin',
    args: ['ticket', 'create', '--from-json', '-'],
    stdin: BAD_UTF8,
    message: 'stdin: is not valid UTF-8 text (first bad byte at offset 14)',
  },
  {
    name: 'invalid UTF-8 JSON file',
    args: ['ticket', 'create', '--from-json', '{dir}/bad.json'],
    message: 'bad.json: is not valid UTF-8 text',
  },
  {
    name: 'invalid UTF-8 description on stdin',
    args: ['ticket', 'create', '-t', 'x'],
    stdin: Buffer.from([0x61, 0xff, 0x62]),
    message: 'stdin: is not valid UTF-8 text (first bad byte at offset 1)',
  },
  {
    name: 'invalid UTF-8 comment on stdin',
    args: ['ticket', 'comment', 'HD-1', '-'],
    stdin: Buffer.from([0xed, 0xa0, 0x80]),
    message: 'stdin: is not valid UTF-8 text',
  },
  {
    name: 'NUL in a JSON title',
    args: ['ticket', 'create', '--from-json', '-'],
    stdin: '{"title":"a\\u0000b"}',
    message: 'stdin: title: contains a NUL character',
  },
  {
    name: 'NUL in a JSON description',
    args: ['ticket', 'create', '--from-json', '-'],
    stdin: '{"title":"a","description":"x\\u0000"}',
    message: 'description: contains a NUL character',
  },
  {
    name: 'lone surrogate in a JSON title',
    args: ['ticket', 'create', '--from-json', '-'],
    stdin: '{"title":"a\\ud800b"}',
    message: 'title: contains a lone surrogate',
  },
  {
    name: 'lone low surrogate in a JSONL requester',
    args: ['ticket', 'create', '--from-json', '-'],
    stdin: '{"title":"a"}\n{"title":"b","requester":"\\udc00x"}\n',
    message: 'stdin line 2: requester: contains a lone surrogate',
  },
  {
    name: 'line break in a JSON title',
    args: ['ticket', 'create', '--from-json', '-'],
    stdin: '{"title":"one\\ntwo"}',
    message: 'title: must be one line',
  },
  { name: 'CR in a flag title', args: ['ticket', 'create', '-t', 'one\rtwo'], message: '--title: must be one line' },
  { name: 'LF in an updated title', args: ['ticket', 'update', 'HD-1', '--title', 'one\ntwo'], message: '--title: must be one line' },
  {
    name: 'U+2028 in an external id',
    args: ['ticket', 'create', '-t', 'x', '--external-id', 'a\u2028b'],
    message: '--external-id: must be one line',
  },
  {
    name: 'NUL in a piped description',
    args: ['ticket', 'create', '-t', 'x'],
    stdin: 'a\0b',
    message: 'description: contains a NUL character',
  },
  { name: 'NUL in a comment', args: ['ticket', 'comment', 'HD-1', '-'], stdin: 'hi\0there', message: 'text: contains a NUL character' },
  {
    name: 'line break in a requester name',
    args: ['requester', 'add', 'Ana\nSilva', '-e', 'ana2@example.com'],
    message: 'name: must be one line',
  },
  {
    name: 'line break in a technician name',
    args: ['technician', 'add', 'Sam\nOkafor', '-e', 'sam@example.com'],
    message: 'name: must be one line',
  },
  { name: 'line break in a holiday name', args: ['sla', 'holiday', 'add', '2030-01-01', 'New\nYear'], message: 'name: must be one line' },
];

describe('invalid text is refused, naming the field', () => {
  it.each(CASES.filter((c) => c.message).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const env = tempEnv();
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.json'), BAD_UTF8);
    expect((await runCli(['ticket', 'create', '-t', 'Existing', '-r', 'ana@example.com'], { env })).code).toBe(0);
    const before = snapshot(env.DESKLINE_DB!);
    const options: RunOptions = { env, ...(c.stdin === undefined ? {} : { stdin: c.stdin, stdinIsTTY: false }) };
    const r = await runCli(
      c.args.map((a) => a.replace('{dir}', dir)),
      options,
    );
    expect(r.stderr).toContain(c.message);
    expect(r.code).toBe(4);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(snapshot(env.DESKLINE_DB!)).toBe(before);
  });

  it('valid text with emoji, CJK and joined emoji is stored as given', async () => {
    const env = tempEnv();
    const title = 'Drucker 漢字 👩‍💻 café';
    const r = await runCli(['ticket', 'create', '--from-json', '-', '--json'], {
      env,
      stdin: JSON.stringify({ title, description: 'two\nlines' }),
      stdinIsTTY: false,
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tickets[0].title).toBe(title);
  });
});
