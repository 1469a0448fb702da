/**
 * A source's items handed on in batches: up to `items` of them, or until their weight (bytes, say)
 * reaches `weight`, are read before the first of the batch goes on. A mail import alternates two
 * heavy jobs, mailparser and the SQLite writes; message by message, 10,000 messages
 * (bench/scenarios/import-mbox.ts) took 40-90% more CPU than parsing them all first and writing them
 * after, and 10-20% more in batches of 1,000. The batch bounds memory.
 * A source that fails first hands on what it read before the failure, so a bad record is still met
 * in file order: an earlier record the consumer refuses is reported, as it was without read-ahead.
 */
export interface ReadAheadLimits {
  items: number;
  weight: number;
}

export async function* readAhead<T>(source: AsyncIterable<T>, limits: ReadAheadLimits, weightOf: (item: T) => number): AsyncGenerator<T> {
  let batch: T[] = [];
  let weight = 0;
  try {
    for await (const item of source) {
      batch.push(item);
      weight += weightOf(item);
      if (batch.length < limits.items && weight < limits.weight) continue;
      const full = batch;
      batch = [];
      weight = 0;
      yield* full;
    }
  } catch (error) {
    yield* batch;
    throw error;
  }
  yield* batch;
}
