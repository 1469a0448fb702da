/**
 * Text as people count it: user-perceived characters (grapheme clusters), not UTF-16 code units.
 * An emoji such as 👍🏽 or 👨‍👩‍👧 is one character; a limit of 200 characters takes 200 of them.
 */
let made: Intl.Segmenter | undefined;
/** Made on first use: ICU's break-iterator data costs tens of ms at start-up, and most text is checked by its length alone. */
const segmenter = () => (made ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

/** The number of user-perceived characters in `text`. */
export function graphemeCount(text: string): number {
  let n = 0;
  for (const _ of segmenter().segment(text)) n++;
  return n;
}

/** Whether `text` has more than `max` characters; counts only when its code units could be more (never fewer graphemes than units). */
export function longerThan(text: string, max: number): boolean {
  return text.length > max && graphemeCount(text) > max;
}

/** The user-perceived characters of `text`, in order. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter().segment(text), (s) => s.segment);
}
