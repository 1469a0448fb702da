import { describe, expect, it } from 'vitest';
import { editorRows } from '../../src/tui/components/editor.js';
import { editorFrom, editorKey, editorText, type EditorState } from '../../src/tui/state/editor.js';

const press = (e: EditorState, ...names: string[]) =>
  names.reduce((st, n) => editorKey(st, n, n.length === 1 ? n : '', n.length === 1) ?? st, e);

describe('editor state', () => {
  it('inserts, moves across lines, joins lines on backspace at a line start, keeps pasted newlines', () => {
    let e = press(editorFrom(''), 'a', 'b', 'enter', 'c');
    expect([editorText(e), e.row, e.col]).toEqual(['ab\nc', 1, 1]);
    e = press(e, 'home', 'backspace');
    expect([editorText(e), e.row, e.col]).toEqual(['abc', 0, 2]);
    e = editorKey(e, null, 'X\r\nY\tZ\x1b', true)!;
    expect([editorText(e), e.row, e.col]).toEqual(['abX\nY  Zc', 1, 4]);
    e = press(e, 'up', 'end', 'right', 'left', 'left', 'ctrl+u');
    expect(editorText(e)).toBe('X\nY  Zc');
  });

  it('one-line fields turn pasted newlines into spaces and leave Enter and ↑/↓ to the form', () => {
    const e = editorKey(editorFrom('', true), null, 'a\nb', true)!;
    expect(editorText(e)).toBe('a b');
    expect(editorKey(e, 'enter', '\r', false)).toBeNull();
    expect(editorKey(e, 'up', '', false)).toBeNull();
  });

  it('wraps by display cells and scrolls to the cursor row', () => {
    const e = editorFrom('漢字漢字漢字 abcdefghij');
    const rows = editorRows(e, 6, 2, true);
    expect(rows.length).toBe(2);
    expect(rows[rows.length - 1]!.cursor).toEqual({ before: rows[rows.length - 1]!.text, at: ' ', after: '' });
    const all = editorRows(e, 6, 10, false).map((r) => r.text);
    expect(all.join('')).toBe('漢字漢字漢字 abcdefghij');
    expect(all.every((t) => [...t].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) <= 5)).toBe(true);
  });
});
