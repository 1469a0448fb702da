/** Turns a ref argument into a ticket id, or a one-line error with the not-found/usage code. */
import { parseRef } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';

export function refArg(text: string): number {
  return parseRef(text) ?? fail(EXIT.invalid, `'${text}' is not a ticket ref (expected HD-123)`);
}
