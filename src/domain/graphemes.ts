/**
 * Text as people count it: user-perceived characters (grapheme clusters), not UTF-16 code units.
 * An emoji such as 👍🏽 or 👨‍👩‍👧 is one character; a limit of 200 characters takes 200 of them.
 *
 * V8's segment iterator costs time in the length of the whole string at every step (8,000 characters:
 * 0.1 s; the first 201 characters of a 50 MB title: 107 s), so text is segmented in short windows.
 * A window ends at the last boundary found in it; its last cluster, maybe cut, is segmented again
 * with the next window (a boundary depends on the text before it and the one code point after it).
 */
let made: Intl.Segmenter | undefined;
/** Made on first use: ICU's break-iterator data costs tens of ms at start-up, and most text is checked by its length alone. */
const segmenter = () => (made ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

const WINDOW = 256;

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/** The clusters of `text` in order, segmenting one window at a time. */
function* clusters(text: string): Generator<string> {
  let at = 0;
  let size = WINDOW;
  while (at < text.length) {
    if (at + size >= text.length) {
      for (const s of segmenter().segment(text.slice(at))) yield s.segment;
      return;
    }
    // Never cut a surrogate pair: the cluster before the cut would then look final when it is not (🇩|🇪).
    const end = at + size + (isHighSurrogate(text.charCodeAt(at + size - 1)) ? 1 : 0);
    const parts = Array.from(segmenter().segment(text.slice(at, end)), (s) => s.segment);
    if (parts.length < 2) {
      size *= 2; // one cluster fills the window (a long run of combining marks): widen it
      continue;
    }
    parts.pop();
    yield* parts;
    at += parts.reduce((n, p) => n + p.length, 0);
    size = WINDOW;
  }
}

/** The number of user-perceived characters in `text`. */
export function graphemeCount(text: string): number {
  let n = 0;
  for (const _ of clusters(text)) n++;
  return n;
}

/** Whether `text` has more than `max` characters; counts only when its code units could be more, and stops at max + 1. */
export function longerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let n = 0;
  for (const _ of clusters(text)) if (++n > max) return true;
  return false;
}

/** The user-perceived characters of `text`, in order. */
export function graphemes(text: string): string[] {
  return Array.from(clusters(text));
}
