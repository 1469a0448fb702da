/**
 * The one gate between the CLI and a terminal: every human-readable line goes through `forTerminal`,
 * which runs the sanitiser over the whole text, so no escape sequence, control, bidi or invisible
 * character from stored or typed text can reach the screen, however a command composed its output.
 * Our own colours survive as marks that carry this process's random key (text from outside cannot
 * forge one) and become SGR codes only after sanitising.
 */
import { sanitizeLine, sanitizeText } from '../domain/sanitize.js';

const KEY = Array.from(globalThis.crypto.getRandomValues(new Uint32Array(2)), (n) => n.toString(36)).join('');
const MARK = new RegExp(`\\ue000${KEY}:([0-9;]{1,12})\\ue001`, 'g');

/** A colour or weight, as a mark only `forTerminal` turns into `ESC [ code m`. */
export function styleMark(code: string | number): string {
  return `\ue000${KEY}:${code}\ue001`;
}

/** SGR codes in a renderer's output (its input already sanitised) kept as marks; any other escape is left for the sanitiser. */
export function trustRendererStyles(text: string): string {
  return text.replace(/\x1b\[([0-9;]{0,12})m/g, (_, code: string) => styleMark(code || '0'));
}

const restoreMarks = (text: string) => text.replace(MARK, (_, code: string) => `\x1b[${code}m`);

/** Multi-line output (tables, timelines): line breaks kept, everything else made safe. */
export function forTerminal(text: string): string {
  return restoreMarks(sanitizeText(text));
}

/** One line (error messages that echo input): breaks become spaces. */
export function forTerminalLine(text: string): string {
  return restoreMarks(sanitizeLine(text));
}
