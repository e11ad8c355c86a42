/** A problem the user can fix, not a bug: its message says what was wrong and what to do. */
export class UserError extends Error {
  override name = "UserError";
}

/** A command was given arguments it cannot take; it exits 2, as command-line tools do. */
export class UsageError extends UserError {
  override name = "UsageError";
}

/** What a command prints when it fails: the message of a problem the user can fix, else the stack of a bug. */
export function failureMessage(error: unknown): string {
  return error instanceof UserError ? error.message : String((error as Error)?.stack ?? error);
}

/** Ends a command that failed: the message (or a bug's stack) on stderr, exit 2 for bad arguments, else 1. */
export function exitOnFailure(error: unknown): never {
  console.error(failureMessage(error));
  process.exit(error instanceof UsageError ? 2 : 1);
}
