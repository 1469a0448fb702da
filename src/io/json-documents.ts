/**
 * A vendor's JSON file as documents: one JSON document (an API response), or JSON Lines (one object a
 * line, as bulk exports write them). A file that is neither is refused naming the file and line.
 */
import { EXIT, fail } from '../errors.js';

export interface JsonDocument {
  value: unknown;
  /** `tickets.json` or `export.ndjson line 7`. */
  where: string;
}

/** The line a JSON.parse error points at (V8 says `at position N` or `line L column C`). */
function errorLine(text: string, error: unknown): number | null {
  const message = error instanceof Error ? error.message : '';
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  if (!position) return /end of JSON/.test(message) ? text.trimEnd().split('\n').length : null;
  return text.slice(0, Number(position[1])).split('\n').length;
}

function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return message
    .replace(/^JSON\.parse: /, '')
    .replace(/, "[\s\S]*$/, '')
    .slice(0, 80);
}

export function jsonDocuments(name: string, text: string): JsonDocument[] {
  if (text.trim() === '') fail(EXIT.invalid, `${name}: is empty (no JSON in it)`);
  try {
    return [{ value: JSON.parse(text), where: name }];
  } catch (whole) {
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.trim() !== '');
    if (!looksLikeLines(lines[first]!)) {
      const line = errorLine(text, whole);
      fail(EXIT.invalid, `${name}${line ? ` line ${line}` : ''}: is not JSON (${shortReason(whole)})`);
    }
    const docs: JsonDocument[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        docs.push({ value: JSON.parse(line), where: `${name} line ${i + 1}` });
      } catch (error) {
        fail(EXIT.invalid, `${name} line ${i + 1}: is not JSON (${shortReason(error)})`);
      }
    });
    return docs;
  }
}

function looksLikeLines(first: string): boolean {
  try {
    return typeof JSON.parse(first) === 'object';
  } catch {
    return false;
  }
}

/** Plain objects only (what every vendor record is). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
