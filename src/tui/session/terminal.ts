/**
 * The terminal while the console has it: the alternate screen and bracketed paste (mode 2004: the
 * terminal wraps a paste in ESC[200~ … ESC[201~, keys/decode.ts turns it into one paste). `restore`
 * gives the terminal back as it was, once, on any way out (also at process exit).
 */
export const ENTER_ALT = '\x1b[?1049h\x1b[H';
export const LEAVE_ALT = '\x1b[?1049l';
export const SHOW_CURSOR = '\x1b[?25h';
export const HIDE_CURSOR = '\x1b[?25l';
export const PASTE_ON = '\x1b[?2004h';
export const PASTE_OFF = '\x1b[?2004l';

export interface Held {
  restore(): void;
}

export function holdTerminal(
  stdout: { write(data: string): unknown },
  stdin?: { isTTY?: boolean; setRawMode?(on: boolean): unknown },
): Held {
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    process.off('exit', restore);
    try {
      if (stdin?.isTTY) stdin.setRawMode?.(false);
    } catch {
      // the terminal is gone
    }
    stdout.write(PASTE_OFF + LEAVE_ALT + SHOW_CURSOR);
  };
  process.once('exit', restore);
  stdout.write(ENTER_ALT + PASTE_ON);
  return { restore };
}
