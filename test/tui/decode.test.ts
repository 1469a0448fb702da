/** The one key decoder (keys/decode.ts): terminal reads in; keys, text, a paste or nothing out; never a throw. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, decodeAll, FRESH_DECODER, MAX_PASTE, PASTE_END, PASTE_START } from '../../src/tui/keys/decode.js';

const key = (name: string, alt = false) => ({ kind: 'key', name, alt });
const text = (t: string) => ({ kind: 'text', text: t });
const paste = (t: string) => ({ kind: 'paste', text: t });

describe('key decoder', () => {
  it('names keys in their CSI and SS3 forms, control characters, and typed text', () => {
    expect(decodeAll('\x1b[A\x1bOB\x1b[1;5C\x1b[H\x1b[F\x1b[5~\x1b[6~\x1b[3~\x1b[Z')).toEqual(
      ['up', 'down', 'right', 'home', 'end', 'pageup', 'pagedown', 'delete', 'shift+tab'].map((n) => key(n)),
    );
    expect(decodeAll('ab\rc\x7f\x08\t\x13\x03')).toEqual([
      text('ab'),
      key('enter'),
      text('c'),
      key('delete'),
      key('backspace'),
      key('tab'),
      key('ctrl+s'),
      key('ctrl+c'),
    ]);
    expect(decodeAll('\x1b')).toEqual([key('escape')]);
  });

  it('ESC then a key in one read is the key with alt (the reducer decides Alt+key or Esc then key)', () => {
    expect(decodeAll('\x1bj')).toEqual([key('j', true)]);
    expect(decodeAll('\x1bX')).toEqual([key('X', true)]);
    expect(decodeAll('\x1b\x1b[A')).toEqual([key('up', true)]);
    expect(decodeAll('\x1b\r')).toEqual([key('enter', true)]);
  });

  it('drops every other escape sequence whole: colours, status replies, OSC, DCS, unknown CSI and SS3', () => {
    for (const seq of [
      '\x1b[32m',
      '\x1b[0n',
      '\x1b[5n',
      '\x1b[?1;2c',
      '\x1b[12;40R',
      '\x1b]11;rgb:0/0/0\x07',
      '\x1b]8;;x\x1b\\',
      '\x1bP1$r0m\x1b\\',
      '\x1bOP',
      '\x1b[15~',
      '\x1b[97;5u',
    ]) {
      expect(decodeAll(`a${seq}b`), JSON.stringify(seq)).toEqual([text('a'), text('b')]);
    }
  });

  it('waits for the rest of a sequence cut between reads (as Ink hands over `ESC ]` on its own)', () => {
    expect(decodeAll('\x1b]', '11;rgb:0/0/0\x07', 'q')).toEqual([text('q')]);
    expect(decodeAll('\x1b]', '8;;http://x', '\x1b\\', 'q')).toEqual([text('q')]);
    expect(decodeAll('\x1b[2', '00~he', 'llo\x1b[20', '1~j')).toEqual([paste('hello'), text('j')]);
    // An OSC left open gives way to the next control key.
    expect(decodeAll('\x1b]', 'abc', '\r')).toEqual([key('enter')]);
  });

  it('a bracketed paste is one paste, cleaned: escapes gone, CR/LF normalised, keys inside not keys', () => {
    expect(decodeAll(`${PASTE_START}line 1\r\n\x1b[31mred\x1b[0m line\r\x03j${PASTE_END}k`)).toEqual([
      paste('line 1\nred line\nj'),
      text('k'),
    ]);
    const cut = decodeAll(PASTE_START, 'ab', '\x1b', '[201', '~');
    expect(cut).toEqual([paste('ab')]);
    const big = decode(decode(FRESH_DECODER, PASTE_START + 'x'.repeat(MAX_PASTE)).state, `more${PASTE_END}`);
    expect(big.events).toEqual([paste('x'.repeat(MAX_PASTE))]);
  });

  it('never throws and always ends ready for the next read (property)', () => {
    const bytes = fc.array(
      fc.oneof(fc.constantFrom('\x1b', '[', ']', 'O', 'P', '\x07', '\\', '~', '2', '0', '1', ';', 'm', 'A', '\r', '\x7f'), fc.string()),
      {
        maxLength: 40,
      },
    );
    fc.assert(
      fc.property(
        fc.array(
          bytes.map((b) => b.join('')),
          { maxLength: 6 },
        ),
        (reads) => {
          let state = FRESH_DECODER;
          for (const r of reads) state = decode(state, r).state;
          // Whatever came before, a paste end and an Escape bring it back to plain keys.
          const after = decode(decode(state, PASTE_END).state, '\x07\x1bzq');
          expect(after.state).toEqual(FRESH_DECODER);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
