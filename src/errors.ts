/** The one exit-code map (DESIGN.md) and the error type every face turns into one stderr line. */

export const EXIT = {
  ok: 0,
  usage: 1,
  notFound: 2,
  conflict: 3,
  invalid: 4,
  database: 5,
  delivery: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class DesklineError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'DesklineError';
  }
}

export function fail(exitCode: ExitCode, message: string): never {
  throw new DesklineError(exitCode, message);
}

export function isDesklineError(error: unknown): error is DesklineError {
  return error instanceof DesklineError;
}

/** One line for anything thrown: our own message, or a short description of a foreign error. */
export function describeError(error: unknown): { exitCode: ExitCode; message: string } {
  if (isDesklineError(error)) return { exitCode: error.exitCode, message: error.message };
  const err = error as { code?: string; message?: string };
  const message = (err?.message ?? String(error)).split('\n')[0]!;
  if (typeof err?.code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(err.code)) {
    return {
      exitCode: EXIT.database,
      message: 'the desk is busy: another process holds it for writing (a long seed or import?): try again',
    };
  }
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_')) {
    return { exitCode: EXIT.database, message: `database error: ${message}` };
  }
  return { exitCode: EXIT.database, message: `internal error: ${message}` };
}
