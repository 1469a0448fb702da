/**
 * The view of a small editor (state/editor.ts): soft-wrapped to the width by cells, scrolled so the
 * cursor shows, the cursor drawn as an inverse cell. Exactly `height` lines.
 */
import { Text } from 'ink';
import type { EditorState } from '../state/editor.js';
import { width as cells } from '../text/text.js';

export interface Row {
  text: string;
  /** The cursor's split of this row, when it is on it. */
  cursor?: { before: string; at: string; after: string };
}

/** Visual rows of the text for a width; the cursor's row is in view. Pure. */
export function editorRows(e: EditorState, width: number, height: number, showCursor: boolean): Row[] {
  const limit = Math.max(1, width - 1);
  const visual: { row: number; chars: string[]; start: number }[] = [];
  let cursorAt = 0;
  e.lines.forEach((line, row) => {
    const chars = [...line];
    let start = 0;
    let used = 0;
    const first = visual.length;
    for (let i = 0; i <= chars.length; i++) {
      const w = i < chars.length ? cells(chars[i]!) : 0;
      if (i === chars.length || (used + w > limit && i > start)) {
        visual.push({ row, chars: chars.slice(start, i), start });
        if (i === chars.length) break;
        start = i;
        used = 0;
      }
      used += w;
    }
    if (row === e.row) {
      const mine = visual.slice(first).findIndex((v) => e.col >= v.start && e.col < v.start + v.chars.length);
      cursorAt = first + (mine >= 0 ? mine : visual.length - 1 - first);
    }
  });
  const top = cursorAt < height ? 0 : cursorAt - height + 1;
  return visual.slice(top, top + height).map((v, i) => {
    const text = v.chars.join('');
    if (!showCursor || top + i !== cursorAt) return { text };
    const at = e.col - v.start;
    return { text, cursor: { before: v.chars.slice(0, at).join(''), at: v.chars[at] ?? ' ', after: v.chars.slice(at + 1).join('') } };
  });
}

export interface EditorProps {
  state: EditorState;
  width: number;
  height: number;
  focused: boolean;
  /** Shown dim while the text is empty. */
  placeholder?: string;
  indent?: string;
}

export function Editor({ state, width, height, focused, placeholder, indent = '' }: EditorProps) {
  const rows = editorRows(state, Math.max(2, width - indent.length), Math.max(1, height), focused);
  const empty = state.lines.length === 1 && state.lines[0] === '';
  const out = Array.from({ length: Math.max(1, height) }, (_, i) => rows[i] ?? { text: '' });
  return (
    <>
      {out.map((r, i) => (
        <Text key={i} wrap="truncate-end">
          {indent}
          {r.cursor ? (
            <>
              {r.cursor.before}
              <Text inverse>{r.cursor.at}</Text>
              {r.cursor.after}
            </>
          ) : (
            r.text
          )}
          {empty && i === 0 && placeholder ? <Text dimColor>{focused ? placeholder : ` ${placeholder}`}</Text> : ''}
        </Text>
      ))}
    </>
  );
}
