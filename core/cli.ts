import { InvalidInputError, isCounterpartError } from './errors.js';

/** A command line that names no command, an unknown one, or misses an argument: exit code 2. */
export class CliUsageError extends InvalidInputError {}

/**
 * Reports a command-line tool's failure on stderr and sets the exit code: 2 with the usage for a
 * bad command line, 1 for a missing file or an expected failure (bad data, no model: the message
 * says what to fix, a stack would bury it), 1 with the stack for anything unexpected.
 */
export function reportCliFailure(error: unknown, usage: string): void {
  if (error instanceof CliUsageError) {
    process.stderr.write(`${error.message}\n\n${usage}\n`);
    process.exitCode = 2;
  } else if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    process.stderr.write(`No such file or folder: ${(error as NodeJS.ErrnoException).path ?? ''}\n`);
    process.exitCode = 1;
  } else if (isCounterpartError(error)) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}
