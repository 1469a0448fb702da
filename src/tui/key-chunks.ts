/**
 * A read of several characters (fast typing, a held key, a paste) as the keys in it, pure. Ink
 * reports one key per read; `jj`, `text⏎` or a held Backspace (DEL DEL DEL) arrive as one read.
 */
export interface KeyAction {
  type: 'key';
  name: string | null;
  input: string;
  printable: boolean;
}

export const key = (name: string | null, input: string, printable: boolean): KeyAction => ({ type: 'key', name, input, printable });

/**
 * Splits a read into text runs and control keys. Tab and Enter are text inside a multi-line box (a
 * paste), keys elsewhere (typing `title⏎` or `ana⇥` fast can arrive as one read).
 */
export function splitRead(input: string, multiline: boolean): KeyAction[] {
  const out: KeyAction[] = [];
  const controls = multiline ? /([\x00-\x08\x0b\x0c\x0e-\x1a\x7f])/ : /([\x00-\x1a\x7f])/;
  for (const part of input.split(controls)) {
    if (part === '') continue;
    const code = part.charCodeAt(0);
    // As Ink names them when they come alone: DEL is `delete`, BS is `backspace` (both erase back).
    if (part.length === 1 && code === 0x7f) out.push(key('delete', '', false));
    else if (part.length === 1 && code === 0x08) out.push(key('backspace', '', false));
    else if (part === '\t') out.push(key('tab', '', false));
    else if (part === '\r' || part === '\n') out.push(key('enter', part, false));
    else if (part.length === 1 && code <= 0x1a && !'\t\n\r'.includes(part))
      out.push(key(`ctrl+${String.fromCharCode(code + 96)}`, String.fromCharCode(code + 96), false));
    else out.push(key(null, part, true));
  }
  return out;
}
