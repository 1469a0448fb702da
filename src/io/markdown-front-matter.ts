/**
 * Markdown with optional YAML front matter (`---` … `---` at the top). Errors carry the line of
 * the file they are about, so importers can say `network/vpn.md:3: …`.
 */
import { LineCounter, parseDocument, isMap, isScalar, stringify } from 'yaml';
import { tidyBody } from '../domain/kb-article.js';

export class MarkdownError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'MarkdownError';
  }
}

export interface ParsedMarkdown {
  /** Front matter keys (empty when there is none). */
  data: Record<string, unknown>;
  /** Line of each front matter key in the file, for error messages. */
  lines: Record<string, number>;
  /** The Markdown after the front matter: LF line ends, no leading blank lines, no trailing space. */
  body: string;
}

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;

export function parseMarkdown(source: string): ParsedMarkdown {
  const text = source.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const all = text.split('\n');
  if (!OPEN.test(all[0] ?? '')) return { data: {}, lines: {}, body: tidyBody(text) };
  const end = all.findIndex((line, i) => i > 0 && CLOSE.test(line));
  if (end < 0) throw new MarkdownError(1, 'front matter is not closed (expected a line with ---)');
  const counter = new LineCounter();
  const doc = parseDocument(all.slice(1, end).join('\n'), { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const line = (error.linePos?.[0]?.line ?? 1) + 1;
    throw new MarkdownError(line, `front matter: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const body = tidyBody(all.slice(end + 1).join('\n'));
  if (doc.contents === null) return { data: {}, lines: {}, body };
  if (!isMap(doc.contents)) throw new MarkdownError(2, 'front matter must be a mapping of keys (title: …, tags: […])');
  let data: Record<string, unknown>;
  try {
    data = doc.toJS() as Record<string, unknown>; // throws on an alias bomb (over 100 aliases expanded)
  } catch (error) {
    throw new MarkdownError(2, `front matter: ${(error as Error).message.split('\n')[0]}`);
  }
  const lines: Record<string, number> = {};
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key)) continue;
    const offset = pair.key.range?.[0];
    lines[String(pair.key.value)] = offset === undefined ? 2 : counter.linePos(offset).line + 1;
  }
  return { data, lines, body };
}

/** Front matter and body as one file: the inverse of `parseMarkdown` for the keys given. */
export function formatMarkdown(data: Record<string, unknown>, body: string): string {
  const yaml = stringify(data, { lineWidth: 0, flowCollectionPadding: false }).trimEnd();
  return `---\n${yaml}\n---\n\n${tidyBody(body)}\n`;
}
