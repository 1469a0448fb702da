/** What a redaction's work hands its dialect's transaction (./redaction-sqlite.ts, ./redaction-pg.ts). */
export interface ScrubbedWork<T> {
  result: T;
  /** The texts it replaced or cut: their words may have to leave what the search keeps. */
  removed: string[];
}
