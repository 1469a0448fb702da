/**
 * "The same query through raw pg": the statements a store call sends, captured while it runs once
 * (every pg.Client's query, kysely's pool included), then replayed on one bare pg.Client with the
 * same text and parameters. The replay is the baseline the store call is measured against.
 */
import pg from 'pg';

export interface Statement {
  text: string;
  values: unknown[];
}

export async function captureStatements(run: () => Promise<unknown>): Promise<Statement[]> {
  const seen: Statement[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === 'string') seen.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof (first as Statement).text === 'string')
      seen.push({ text: (first as Statement).text, values: (first as Statement).values ?? [] });
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    proto.query = original;
  }
  return seen;
}

/** Runs the statements in order on `client`; the number of rows the last one returned. */
export async function replay(client: pg.Client, statements: readonly Statement[]): Promise<number> {
  let rows = 0;
  for (const s of statements) rows = (await client.query(s.text, s.values as unknown[])).rowCount ?? 0;
  return rows;
}
