/** Assembles the commander program from src/commands/*. A fresh program per call (tests, one per run). */
import { Command, CommanderError } from 'commander';
import { createContext, type Ctx } from './commands/context.js';
import type { Io } from './streams.js';
import { acceptDashTerms } from './commands/dash-terms.js';
import { COMMANDS, findEntry, firstWord } from './commands/index.js';
import { describeError, EXIT, type ExitCode } from './errors.js';
import { forTerminal, forTerminalLine } from './commands/terminal-text.js';

declare const DESKLINE_VERSION: string | undefined;
export const VERSION = typeof DESKLINE_VERSION === 'string' ? DESKLINE_VERSION : '0.0.0-dev';

export interface Program {
  program: Command;
  ctx: Ctx;
  /** Parses user args (no node/script prefix), runs, closes the database; returns the exit code. */
  run(args: string[]): Promise<ExitCode>;
}

export function createProgram(io: Io): Program {
  // Query terms such as `-VPN` pass the program's own options (-V) on their way to `ticket list`.
  const program = acceptDashTerms(new Command('deskline'), { passDown: true });
  const ctx = createContext(io, program);
  program
    .description('Deskline: the help desk in your terminal')
    .version(VERSION, '-V, --version')
    .option('--db <path>', 'database file (default: $DESKLINE_DB or the data folder)')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => io.stdout.write(forTerminal(s)),
      writeErr: (s) => io.stderr.write(forTerminal(s)),
      // One line: commander puts its suggestion ("(Did you mean ticket?)") on a second one.
      outputError: (s, write) =>
        write(
          `${forTerminalLine(
            s
              .replace(/^error: /, 'deskline: ')
              .trimEnd()
              .replace(/\s*\n\s*/g, ' '),
          )}\n`,
        ),
    })
    .exitOverride();

  /** Registers the command the args name, or every command (help, completion, a typo to suggest for). */
  const register = async (args: readonly string[]) => {
    const { word, rest } = firstWord(args);
    const named = findEntry(COMMANDS, word);
    // A named command alone; every command for help, completion or a typo to suggest for; none for --version.
    const listing = word !== undefined || args.some((a) => a === '-h' || a === '--help');
    const entries = named && named.name !== 'completion' ? [named] : listing ? COMMANDS : [];
    const made = await Promise.all(entries.map(async (e) => (await e.load())(ctx, e === named ? rest : [])));
    for (const cmd of made) program.addCommand(cmd);
    for (const cmd of allCommands(program)) cmd.exitOverride().configureOutput(program.configureOutput());
  };

  const run = async (args: string[]): Promise<ExitCode> => {
    try {
      await register(args);
      await program.parseAsync(args, { from: 'user' });
      return ctx.exitCode;
    } catch (error) {
      if (error instanceof CommanderError) {
        return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      }
      const { exitCode, message } = describeError(error);
      io.stderr.write(`deskline: ${forTerminalLine(message)}\n`);
      if (io.env.DESKLINE_DEBUG) io.stderr.write(`${forTerminal((error as Error)?.stack ?? '')}\n`);
      return exitCode;
    } finally {
      await ctx.close();
    }
  };
  return { program, ctx, run };
}

function allCommands(cmd: Command): Command[] {
  return cmd.commands.flatMap((c) => [c, ...allCommands(c)]);
}
