/**
 * Handing the terminal to $EDITOR (or a remote-session client) and taking it back (DESIGN.md §6): raw mode off and stdin paused
 * so the editor reads the keys, the main screen (and plain pastes) back for it, a blocking spawn (Ink
 * cannot draw meanwhile), then raw mode on, the alternate screen and bracketed paste again, the cursor
 * hidden and a full redraw.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editedText, editorFileText } from '../../domain/editor-text.js';
import { EXIT, fail } from '../../errors.js';
import { ENTER_ALT, HIDE_CURSOR, LEAVE_ALT, PASTE_OFF, PASTE_ON, SHOW_CURSOR } from './terminal.js';

export interface Terminal {
  stdin: { setRawMode?(on: boolean): unknown; pause(): unknown; resume(): unknown; isTTY?: boolean };
  stdout: { write(data: string): unknown };
  /** Redraws the last frame in full (Ink's own stdout write does: it clears and restores its output). */
  redraw(): void;
}

/** Hands the terminal to `fn` (a blocking child process) and takes it back, whatever happens. */
function suspended<T>(term: Terminal, fn: () => T): T {
  const ignore = () => undefined;
  term.stdout.write(PASTE_OFF + LEAVE_ALT + SHOW_CURSOR);
  if (term.stdin.isTTY) term.stdin.setRawMode?.(false);
  term.stdin.pause();
  // Ctrl+C in a cooked-mode child signals our process group too: the child decides, we stay.
  process.on('SIGINT', ignore);
  try {
    return fn();
  } finally {
    process.off('SIGINT', ignore);
    if (term.stdin.isTTY) term.stdin.setRawMode?.(true);
    term.stdin.resume();
    term.stdout.write(ENTER_ALT + HIDE_CURSOR + PASTE_ON);
    term.redraw();
  }
}

/** Opens $VISUAL/$EDITOR on a private temp file holding `initial` (ending with a newline); returns the saved text, without it. */
export function editInTerminal(term: Terminal, env: Record<string, string | undefined>, initial: string): string {
  const editor = env.VISUAL || env.EDITOR;
  if (!editor) fail(EXIT.usage, 'set $EDITOR (or $VISUAL) to write text in an editor');
  const dir = mkdtempSync(join(tmpdir(), 'deskline-'));
  const file = join(dir, 'text.md');
  try {
    writeFileSync(file, editorFileText(initial), { mode: 0o600 });
    return suspended(term, () => {
      const result = spawnSync(`${editor} "${file}"`, { stdio: 'inherit', shell: true, env: env as NodeJS.ProcessEnv });
      if (result.error) fail(EXIT.usage, `cannot run editor '${editor}': ${result.error.message}`);
      if (result.status !== 0) fail(EXIT.usage, `editor '${editor}' exited with ${result.status ?? result.signal}: nothing saved`);
      return editedText(readFileSync(file, 'utf8'));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a program (arguments as an array, no shell) on the terminal until it exits: a remote session. */
export function runInTerminal(term: Terminal, env: Record<string, string | undefined>, argv: readonly string[]) {
  return suspended(term, () => {
    const ran = spawnSync(argv[0]!, argv.slice(1), { stdio: 'inherit', env: env as NodeJS.ProcessEnv });
    return { status: ran.status, signal: ran.signal, ...(ran.error ? { error: ran.error.message } : {}) };
  });
}

/** OSC 52: the terminal (or tmux with set-clipboard on) puts `text` on the system clipboard. */
export function osc52(text: string): string {
  return `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
}
