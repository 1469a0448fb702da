/** What a run is given from outside: its three streams and its environment (the CLI and the console alike). */

export type Env = Record<string, string | undefined>;

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Env;
}
