// What the command line talks to: the streams and the current directory (tests may pass their own).

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  cwd: string;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
}

/** A wrong command line: the message is printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** A file or folder that cannot be read, or a configuration that cannot be used: exit code 2. */
export class InputError extends Error {}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** A line on stderr that does not stop the run. */
export function warn(io: CliIo, message: string): void {
  io.stderr.write(`ox-cluster-config: ${message}\n`);
}

/** An error in few words: its code (ENOENT) when it has one. */
export function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}
