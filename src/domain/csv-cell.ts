/**
 * A CSV cell a spreadsheet will not run: text beginning with `=`, `+`, `-`, `@`, a tab or a carriage
 * return gets a leading `'` (OWASP, CSV injection), so `=cmd|' /C calc'!A0` is shown, never evaluated.
 * Numbers stay numbers (a number cannot carry a formula, and `-3` must stay a number); empty for null.
 * Every CSV writer passes its cells through here.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}
