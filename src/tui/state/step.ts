/** Building a slice's answer: its next value and what it asks of the others (state/types.ts `Out`). */
import type { Out, Step } from './types.js';

export const step = <S>(next: S, ...out: Out[]): Step<S> => ({ next, out });

/** A status-bar message; `loud` (an action's result) takes the full width and clears when the selection moves. */
export const notice = (text: string | null, loud = true): Out => ({ kind: 'notice', text, loud });

/** `next` with a message. */
export const said = <S>(next: S, text: string, loud = true): Step<S> => step(next, notice(text, loud));
