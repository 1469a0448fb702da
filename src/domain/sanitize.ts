/**
 * Ticket text on its way to a terminal: no escape sequence, control character or bidi override
 * survives, nor an invisible format character. Pure and idempotent. `sanitizeLine` is for one-line cells (titles, names): every line
 * break or tab becomes a space. `sanitizeText` keeps `\n` for multi-line text and expands tabs.
 */

/**
 * Escape sequences, removed whole: CSI (ESC [ or 0x9B … final byte), the string commands OSC, DCS,
 * SOS, PM and APC (ESC ] P X ^ _ or 0x9D 0x90 0x98 0x9E 0x9F … BEL / ST, or to the end when never
 * terminated, as a terminal would swallow it), charset designations (ESC ( B …) and two-byte escapes.
 */
const ESCAPES = new RegExp(
  [
    '(?:\\x1b\\[|\\x9b)[\\x30-\\x3f]*[\\x20-\\x2f]*[\\x40-\\x7e]?',
    '(?:\\x1b[\\]PX^_]|[\\x90\\x98\\x9d\\x9e\\x9f])[\\s\\S]*?(?:\\x07|\\x1b\\\\|\\x9c|$)',
    '\\x1b[\\x20-\\x2f]+[\\x30-\\x7e]?',
    '\\x1b[\\s\\S]?',
  ].join('|'),
  'g',
);

/** C0 (but \t and \n, handled separately), DEL, C1, bidi embeddings/overrides/isolates, BOM. */
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Invisible format characters (Unicode Cf: ZWSP, LRM/RLM, U+0600–0605, soft hyphen, word joiner,
 * tag characters …), which hide or reorder text. A ZWJ is kept only inside an emoji sequence
 * (between two pictographs, a skin tone or VS16 allowed after the first): 👩‍💻 stays one emoji.
 */
const INVISIBLE =
  /(?!\u200d)\p{Cf}|(?<!\p{Extended_Pictographic}(?:[\u{1f3fb}-\u{1f3ff}]|\ufe0f)?)\u200d|\u200d(?!\p{Extended_Pictographic})/gu;

const TAB_STOP = 4;

function stripEscapes(text: string): string {
  return text.replace(ESCAPES, '');
}

/** One line for a table cell or a title: breaks and tabs become single spaces. */
export function sanitizeLine(text: string | null | undefined): string {
  if (!text) return '';
  return stripEscapes(text)
    .replace(/\r\n|[\r\n\t\u2028\u2029\x85]/g, ' ')
    .replace(CONTROLS, '')
    .replace(INVISIBLE, '');
}

/** Multi-line text (descriptions, replies): keeps `\n`, normalises CR/LF, expands tabs. */
export function sanitizeText(text: string | null | undefined): string {
  if (!text) return '';
  const lines = stripEscapes(text)
    .replace(/\r\n?|[\u2028\u2029\x85]/g, '\n')
    .replace(CONTROLS, '')
    .replace(INVISIBLE, '')
    .split('\n');
  return lines.map(expandTabs).join('\n');
}

function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) {
    out += ch === '\t' ? ' '.repeat(TAB_STOP - (out.length % TAB_STOP)) : ch;
  }
  return out;
}
