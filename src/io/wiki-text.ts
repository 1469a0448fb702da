/**
 * Jira wiki markup (Jira Server and REST v2 descriptions, CSV exports) as plain text, one rule a row:
 * headings, bullets, links, images, code and quote blocks, colour and emphasis marks.
 */
const LINE_RULES: readonly [RegExp, string][] = [
  [/^h[1-6]\.\s+/, ''],
  [/^bq\.\s+/, '> '],
  [/^\s*([*-]+)\s+/, '- '],
  [/^\s*#+\s+/, '1. '],
  [/^\|\|(.*)\|\|\s*$/, '$1'],
  [/^----\s*$/, '----'],
];

const INLINE_RULES: readonly [RegExp, string][] = [
  [/\{color(?::[^}]*)?\}/g, ''],
  [/\[([^|\]\n]+)\|([^\]\n]+)\]/g, '$1 ($2)'],
  [/\[(https?:\/\/[^\]\n]+|mailto:[^\]\n]+)\]/g, '$1'],
  [/\[~([^\]\n]+)\]/g, '@$1'],
  [/!([^!\s|]+)(?:\|[^!\n]*)?!/g, '[$1]'],
  [/\{\{([^}\n]+)\}\}/g, '$1'],
  [/(^|[\s(])\*(\S(?:[^*\n]*\S)?)\*(?=[\s).,:;!?]|$)/g, '$1$2'],
  [/(^|[\s(])_(\S(?:[^_\n]*\S)?)_(?=[\s).,:;!?]|$)/g, '$1$2'],
  [/(^|[\s(])\+(\S(?:[^+\n]*\S)?)\+(?=[\s).,:;!?]|$)/g, '$1$2'],
  [/(^|[\s(])-(\S(?:[^-\n]*\S)?)-(?=[\s).,:;!?]|$)/g, '$1$2'],
  [/\|\|/g, ' | '],
  [/\\\\/g, '\n'],
];

/** Block macros: `{code}` / `{noformat}` keep their lines as they are; `{quote}` and `{panel}` are dropped. */
const BLOCK = /^\s*\{(code|noformat|quote|panel)(?::[^}]*)?\}\s*$/;
const VERBATIM = new Set(['code', 'noformat']);

export function wikiToText(markup: string): string {
  const out: string[] = [];
  let verbatim: string | null = null;
  for (const line of markup.replace(/\r\n?/g, '\n').split('\n')) {
    const block = BLOCK.exec(line)?.[1];
    if (block && verbatim === block) {
      verbatim = null;
      out.push('```');
      continue;
    }
    if (verbatim) {
      out.push(line);
      continue;
    }
    if (block && VERBATIM.has(block)) {
      verbatim = block;
      out.push('```');
      continue;
    }
    if (block) continue;
    let text = line;
    for (const [pattern, replacement] of LINE_RULES) text = text.replace(pattern, replacement);
    for (const [pattern, replacement] of INLINE_RULES) text = text.replace(pattern, replacement);
    out.push(text);
  }
  if (verbatim) out.push('```');
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
