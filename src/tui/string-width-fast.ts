/**
 * The console bundle's `string-width` (an esbuild alias, for ink, wrap-ansi and our own code): text of
 * NARROW characters is measured by counting; anything else goes to the real string-width. Start-up
 * reason: the first non-ASCII string the real one measures compiles its `\p{RGI_Emoji}` pattern
 * (~30 ms here), and every frame has box drawing and ▸ in it.
 */
import stripAnsi from 'strip-ansi';
// By path, past the alias that points `string-width` here.
import realStringWidth, { type Options } from '../../node_modules/string-width/index.js';
import { NARROW, narrowWidth } from '../domain/display-width.js';

export type { Options };

export default function stringWidth(input: string, options: Options = {}): number {
  if (typeof input !== 'string' || input.length === 0) return 0;
  const ansi = !options.countAnsiEscapeCodes && (input.includes('\u001B') || input.includes('\u009B'));
  const text = ansi ? stripAnsi(input) : input;
  if (options.ambiguousIsNarrow !== false && NARROW.test(text)) return narrowWidth(text);
  return realStringWidth(input, options);
}
