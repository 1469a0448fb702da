/** The $EDITOR temp file ends with a newline, and that newline is not stored back (issue 13 #11). */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { editText } from '../../src/commands/text-input.js';
import { editInTerminal } from '../../src/tui/session/suspend.js';
import { tempDir } from '../helpers/temp.js';

/** An editor that keeps a copy of the file it was given, then appends a line as `echo >>` does. */
function appendingEditor(): { editor: string; seen: () => string } {
  const dir = tempDir();
  const editor = join(dir, 'editor.sh');
  writeFileSync(editor, `#!/bin/sh\ncp "$1" "${dir}/seen"\necho "Appended line." >> "$1"\n`);
  chmodSync(editor, 0o755);
  return { editor, seen: () => readFileSync(join(dir, 'seen'), 'utf8') };
}

describe('$EDITOR text', () => {
  it('the CLI hands the editor a file ending with a newline and takes the text back without it', () => {
    const { editor, seen } = appendingEditor();
    const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), env: { ...process.env, EDITOR: editor } };
    expect(editText(io, 'Restarted the router.')).toBe('Restarted the router.\nAppended line.');
    expect(seen()).toBe('Restarted the router.\n');
    expect(editText(io, 'Already ends\n')).toBe('Already ends\nAppended line.');
    expect(seen()).toBe('Already ends\n');
  });

  it('the console hands the editor the same file', () => {
    const { editor, seen } = appendingEditor();
    const term = { stdin: { pause: () => undefined, resume: () => undefined }, stdout: { write: () => true }, redraw: () => undefined };
    expect(editInTerminal(term, { ...process.env, EDITOR: editor }, 'Draft reply')).toBe('Draft reply\nAppended line.');
    expect(seen()).toBe('Draft reply\n');
  });
});
