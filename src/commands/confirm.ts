/** A yes/no question on the terminal; never asked (and never true) without one. */
import { createInterface } from 'node:readline/promises';
import type { Ctx } from './context.js';

export async function confirm(ctx: Ctx, question: string): Promise<boolean> {
  if (!ctx.io.stdin.isTTY) return false;
  const rl = createInterface({ input: ctx.io.stdin, output: ctx.io.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
