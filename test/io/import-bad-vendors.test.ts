/**
 * Malformed vendor and mail imports (fixtures/bad/import/zendesk-*, jira-*, mail-*, and the shared junk)
 * through the CLI: exit 4, one line naming the file, the line, record or issue, and the field where there
 * is one; no stack trace; the desk unchanged.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { deskEnv, deskSnapshot } from '../helpers/desk-env.js';

const BAD = fileURLToPath(new URL('../../fixtures/bad/import', import.meta.url));

const CASES: [format: string, file: string, message: string][] = [
  ['zendesk', 'zendesk-truncated.json', 'zendesk-truncated.json line 2: is not JSON (Unterminated string'],
  [
    'zendesk',
    'zendesk-bad-status.json',
    "zendesk-bad-status.json record 2 (ticket 2): status: must be one of new, open, pending, hold, solved, closed (got 'frozen')",
  ],
  ['zendesk', 'zendesk-empty.json', 'zendesk-empty.json: is empty (no JSON in it)'],
  ['zendesk', 'zendesk-invalid-utf8.json', 'zendesk-invalid-utf8.json:1: subject: not valid UTF-8 text'],
  ['zendesk', 'zendesk-invalid-utf8-pretty.json', 'zendesk-invalid-utf8-pretty.json:8: description: not valid UTF-8 text'],
  ['zendesk', 'junk.bin', 'junk.bin: is'],
  ['jira', 'jira-wrong-columns.csv', 'jira-wrong-columns.csv line 3: is not a readable CSV file (Invalid Record Length'],
  ['jira', 'jira-no-key.csv', "jira-no-key.csv line 1: no 'Issue key' column"],
  [
    'jira',
    'jira-bad-date.csv',
    "jira-bad-date.csv line 3 (HELP-2): Created: is not a time such as 21/Mar/23 10:15 AM (got '32/Mar/23 10:15 AM')",
  ],
  ['jira', 'jira-bad-created.json', "jira-bad-created.json issue 2 (ITSD-2): created: is not a time (got 'soon')"],
  ['jira', 'junk.bin', 'junk.bin: is'],
  ['eml', 'mail-junk.eml', 'mail-junk.eml: not a mail message'],
  ['eml', 'junk.bin', 'junk.bin: not a mail message'],
  ['eml', 'empty.csv', 'empty.csv: not a mail message (no headers)'],
  ['mbox', 'mail-not-mbox.mbox', "mail-not-mbox.mbox:1: not an mbox file (this line is not a 'From ' separator line)"],
  ['mbox', 'junk.bin', 'junk.bin:1: not an mbox file'],
];

async function refused(args: string[], message: string) {
  const env = await deskEnv();
  expect((await runCli(['ticket', 'create', '-t', 'Existing ticket', '-r', 'ana@example.com'], { env })).code).toBe(0);
  const before = await deskSnapshot(env);
  const r = await runCli(args, { env });
  expect(r.stderr).toContain(message);
  expect(r.code).toBe(4);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stdout).toBe('');
  expect(await deskSnapshot(env)).toBe(before);
}

describe('malformed vendor and mail imports', () => {
  it.each(CASES)('import %s %s', async (format, file, message) => {
    await refused(['import', format, join(BAD, file)], `deskline: ${join(BAD, file)}${message.slice(file.length)}`);
  });

  it('a folder that is not a maildir, and one with no .eml files', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    await refused(['import', 'maildir', dir], `deskline: ${dir}: is not a maildir (no cur or new folder in it)`);
    await refused(['import', 'eml', join(dir, 'empty')], `deskline: ${join(dir, 'empty')}: holds no .eml files`);
  });
});
