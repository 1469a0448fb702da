/** The console's entry (loaded lazily). Until the Ink console lands it prints the queue. */
import type { Io } from '../commands/context.js';
import { createProgram } from '../program.js';
import type { ExitCode } from '../errors.js';

export async function startConsole(io: Io, args: string[]): Promise<ExitCode> {
  return createProgram(io).run([...args, 'db', 'path']);
}
