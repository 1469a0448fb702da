/**
 * A small text editor as a pure reducer: lines and a cursor (line, code-point column). Keys arrive
 * as the console's key names; `editorKey` answers null for a key it does not handle. Pasted or typed
 * text is cleaned on the way in (tabs become spaces, control characters and bidi overrides go), so
 * what is shown is exactly what is stored and the cursor stays where it is drawn.
 */
export interface EditorState {
  lines: string[];
  row: number;
  /** Column in code points within `lines[row]`. */
  col: number;
  /** One line only: Enter is not a newline, pasted newlines become spaces. */
  single: boolean;
}

export function editorFrom(text: string, single = false): EditorState {
  const lines = clean(text, single).split('\n');
  const row = lines.length - 1;
  return { lines, row, col: [...lines[row]!].length, single };
}

export function editorText(e: EditorState): string {
  return e.lines.join('\n');
}

export function editorEmpty(e: EditorState): boolean {
  return e.lines.every((l) => l.trim() === '');
}

/** Newlines normalised; tabs as two spaces; C0/C1 controls, DEL and bidi controls removed. */
export function clean(text: string, single = false): string {
  const t = text.replace(/\r\n?/g, '\n').replace(/\t/g, '  ');
  const out = t.replace(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  return single ? out.replace(/\n/g, ' ') : out;
}

const chars = (s: string) => [...s];

function at(e: EditorState, row: number, col: number): EditorState {
  const r = Math.max(0, Math.min(e.lines.length - 1, row));
  return { ...e, row: r, col: Math.max(0, Math.min(chars(e.lines[r]!).length, col)) };
}

export function insert(e: EditorState, text: string): EditorState {
  const add = clean(text, e.single);
  if (add === '') return e;
  const line = chars(e.lines[e.row]!);
  const before = line.slice(0, e.col).join('');
  const after = line.slice(e.col).join('');
  const parts = add.split('\n');
  const last = parts[parts.length - 1]!;
  const mid = parts.length === 1 ? [before + last + after] : [before + parts[0]!, ...parts.slice(1, -1), last + after];
  const lines = [...e.lines.slice(0, e.row), ...mid, ...e.lines.slice(e.row + 1)];
  const row = e.row + parts.length - 1;
  const col = (parts.length === 1 ? e.col : 0) + chars(last).length;
  return { ...e, lines, row, col };
}

export function backspace(e: EditorState): EditorState {
  if (e.col > 0) {
    const line = chars(e.lines[e.row]!);
    line.splice(e.col - 1, 1);
    return { ...e, lines: e.lines.map((l, i) => (i === e.row ? line.join('') : l)), col: e.col - 1 };
  }
  if (e.row === 0) return e;
  const prev = e.lines[e.row - 1]!;
  const joined = prev + e.lines[e.row]!;
  return { ...e, lines: [...e.lines.slice(0, e.row - 1), joined, ...e.lines.slice(e.row + 1)], row: e.row - 1, col: chars(prev).length };
}

/** Erases from the start of the line to the cursor (Ctrl+U). */
function eraseBefore(e: EditorState): EditorState {
  const rest = chars(e.lines[e.row]!).slice(e.col).join('');
  return { ...e, lines: e.lines.map((l, i) => (i === e.row ? rest : l)), col: 0 };
}

/**
 * The editor's own keys. `input` is the text of a printable key (or a paste); `name` the key name.
 * Both Backspace and Delete delete backwards: most terminals send DEL (0x7f) for Backspace, which
 * Ink reports as `delete`.
 */
export function editorKey(e: EditorState, name: string | null, input: string, printable: boolean): EditorState | null {
  const len = chars(e.lines[e.row]!).length;
  switch (name) {
    case 'left':
      return e.col > 0 ? at(e, e.row, e.col - 1) : e.row > 0 ? at(e, e.row - 1, Infinity) : e;
    case 'right':
      return e.col < len ? at(e, e.row, e.col + 1) : e.row < e.lines.length - 1 ? at(e, e.row + 1, 0) : e;
    case 'up':
      return e.single || e.row === 0 ? null : at(e, e.row - 1, e.col);
    case 'down':
      return e.single || e.row === e.lines.length - 1 ? null : at(e, e.row + 1, e.col);
    case 'home':
    case 'ctrl+a':
      return at(e, e.row, 0);
    case 'end':
      return at(e, e.row, len);
    case 'backspace':
    case 'delete':
      return backspace(e);
    case 'ctrl+u':
      return eraseBefore(e);
    case 'enter':
      return e.single ? null : insert(e, '\n');
  }
  if (printable && input !== '') return insert(e, input);
  return null;
}
