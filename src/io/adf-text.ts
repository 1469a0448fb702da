/**
 * Atlassian Document Format (Jira Cloud REST v3 descriptions and comments) as plain text: paragraphs
 * and headings as lines, lists as `- ` / `1. ` items, code blocks and quotes kept, mentions, emoji,
 * dates and cards as their text. Unknown nodes give their children's text, so nothing is lost.
 */
type Node = { type?: unknown; text?: unknown; attrs?: Record<string, unknown>; content?: unknown; marks?: unknown };

const BLOCK_END: Readonly<Record<string, string>> = {
  paragraph: '\n\n',
  heading: '\n\n',
  codeBlock: '\n\n',
  rule: '\n\n',
  mediaSingle: '\n\n',
  mediaGroup: '\n\n',
  panel: '\n',
  table: '\n',
  tableRow: '\n',
  bulletList: '\n\n',
  orderedList: '\n\n',
};

/** Inline nodes that carry their text in attributes. */
const ATTR_TEXT: Readonly<Record<string, (attrs: Record<string, unknown>) => string>> = {
  mention: (a) => String(a.text ?? a.id ?? ''),
  emoji: (a) => String(a.text ?? a.shortName ?? ''),
  date: (a) => (a.timestamp ? new Date(Number(a.timestamp)).toISOString().slice(0, 10) : ''),
  status: (a) => String(a.text ?? ''),
  inlineCard: (a) => String(a.url ?? ''),
  blockCard: (a) => String(a.url ?? ''),
  media: (a) => `[${String(a.alt ?? a.id ?? 'attachment')}]`,
  hardBreak: () => '\n',
  rule: () => '----',
};

function children(node: Node): Node[] {
  return Array.isArray(node.content) ? (node.content as unknown[]).filter((c): c is Node => typeof c === 'object' && c !== null) : [];
}

function linkOf(node: Node): string | null {
  if (!Array.isArray(node.marks)) return null;
  const link = (node.marks as Node[]).find((m) => m?.type === 'link');
  const href = link?.attrs?.href;
  return typeof href === 'string' ? href : null;
}

function render(node: Node, depth: number): string {
  const type = typeof node.type === 'string' ? node.type : '';
  if (type === 'text') {
    const text = typeof node.text === 'string' ? node.text : '';
    const href = linkOf(node);
    return href && href !== text ? `${text} (${href})` : text;
  }
  if (ATTR_TEXT[type]) return ATTR_TEXT[type](node.attrs ?? {});
  if (type === 'bulletList' || type === 'orderedList') {
    const items = children(node).map((item, i) => {
      const marker = type === 'orderedList' ? `${i + 1}. ` : '- ';
      const text = children(item)
        .map((c) => render(c, depth + 1))
        .join('')
        .trim();
      return `${'  '.repeat(depth)}${marker}${text.replace(/\n+/g, '\n')}`;
    });
    return items.join('\n') + BLOCK_END[type]!;
  }
  const inner = children(node)
    .map((c) => render(c, depth))
    .join(type === 'tableRow' ? ' | ' : '');
  if (type === 'codeBlock') return `\`\`\`\n${inner}\n\`\`\`\n\n`;
  if (type === 'blockquote')
    return (
      inner
        .trim()
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n') + '\n\n'
    );
  if (type === 'tableCell' || type === 'tableHeader') return inner.trim();
  return inner + (BLOCK_END[type] ?? '');
}

/** True for an ADF document (`{ type: 'doc', version: 1, content: [...] }`). */
export function isAdf(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && (value as Node).type === 'doc';
}

export function adfToText(doc: unknown): string {
  if (!isAdf(doc)) return '';
  return render(doc, 0)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
