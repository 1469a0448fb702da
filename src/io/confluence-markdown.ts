/**
 * A Confluence page body (HTML of the space export) as the Markdown the KB stores, through turndown.
 * Beyond turndown's own rules: code macros (`<pre data-syntaxhighlighter-params="brush: bash">`)
 * become fenced blocks with their language, info/note/tip/warning panels become quotes that say which,
 * tables become pipe tables (our renderer draws them), and links to other pages of the export become
 * `kb:<slug>` links to the articles those pages become.
 */
import type { DominoElement } from '@mixmark-io/domino';
import TurndownService from 'turndown';
import { PageError } from './confluence-page.js';

/** The slug a linked page's file (`Title_123.html`) becomes, if that page is part of the import. */
export type PageLink = (file: string) => string | null;

/** The panel macros and the word each is introduced with. */
const PANELS: Record<string, string> = { information: 'Info', info: 'Info', note: 'Note', tip: 'Tip', warning: 'Warning' };
const PANEL = 'confluence-information-macro';

type Node = Parameters<TurndownService.FilterFunction>[0];
const el = (node: Node) => node as unknown as DominoElement;
const classes = (node: Node) => el(node).className.split(/\s+/);
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

export function pageMarkdown(body: DominoElement, pageLink: PageLink): string {
  const service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', hr: '---' });
  service.remove(['script', 'style']);
  service.addRule('confluenceCode', {
    filter: (node) => node.nodeName === 'PRE',
    replacement: (_content, node) => {
      const brush = /brush:\s*([\w+#-]+)/.exec(el(node).getAttribute('data-syntaxhighlighter-params') ?? '')?.[1] ?? '';
      const code = (el(node).textContent ?? '').replace(/\n+$/, '');
      const fence = code.includes('```') ? '~~~' : '```';
      return `\n\n${fence}${brush === 'none' ? '' : brush}\n${code}\n${fence}\n\n`;
    },
  });
  service.addRule('confluencePanel', {
    filter: (node) => node.nodeName === 'DIV' && classes(node).includes(PANEL),
    replacement: (content, node) => {
      const kinds = classes(node).map((c) => PANELS[c.slice(PANEL.length + 1)]);
      const word = kinds.find((k) => k !== undefined && k !== 'Info') ?? 'Info';
      const lines = content.trim().split('\n');
      lines[0] = `**${word}:** ${lines[0]}`;
      return `\n\n${lines.map((line) => (line ? `> ${line}` : '>')).join('\n')}\n\n`;
    },
  });
  const cell = (node: DominoElement) => squash(service.turndown(node.innerHTML)).replace(/\|/g, '\\|');
  service.addRule('table', { filter: 'table', replacement: (_content, node) => `\n\n${pipeTable(el(node), cell)}\n\n` });
  service.addRule('pageLink', {
    filter: (node) => node.nodeName === 'A' && pageLink((el(node).getAttribute('href') ?? '').split(/[?#]/)[0]!) !== null,
    replacement: (content, node) => `[${content}](kb:${pageLink((el(node).getAttribute('href') ?? '').split(/[?#]/)[0]!)})`,
  });
  // As text, not the node: turndown clones a node it is given, and the DOM refuses to clone an element
  // whose attribute names broken markup made invalid (`<div</div>`); parsed afresh it does not clone.
  try {
    return service
      .turndown(body.innerHTML)
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  } catch (error) {
    throw new PageError(`its HTML could not be converted (${String((error as Error).message).split('\n')[0]})`);
  }
}

/** A table as a pipe table: the first row is the header; each cell is its Markdown on one line. */
function pipeTable(table: DominoElement, cell: (node: DominoElement) => string): string {
  const rows = Array.from(table.querySelectorAll('tr')).map((tr) => Array.from(tr.querySelectorAll('th, td')).map(cell));
  const width = Math.max(1, ...rows.map((r) => r.length));
  if (rows.length === 0) return '';
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  return [line(rows[0]!), line(Array.from({ length: width }, () => '---')), ...rows.slice(1).map(line)].join('\n');
}
