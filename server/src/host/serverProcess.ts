// How a client starts the language server process. The VS Code client and the tests' and bench's client
// take these from here, so that what the bench measures is what the editor runs.

/**
 * Set in the server process's environment. glibc gives every thread that allocates a malloc arena of its
 * own, and each of V8's compiler threads keeps about 1 MiB of freed compile memory in its arena. With one
 * arena the server's peak RSS after opening the 5,000-line bench file is about 3.5 MiB lower, with no
 * slowdown measured. Where malloc is not glibc's (macOS, Windows, musl) the variable is ignored.
 */
export const SERVER_PROCESS_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '1' };
