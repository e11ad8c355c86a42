/** A problem the user can fix, not a bug: its message says what was wrong and what to do. */
export class UserError extends Error {
  override name = "UserError";
}

/** What a command prints when it fails: the message of a problem the user can fix, else the stack of a bug. */
export function failureMessage(error: unknown): string {
  return error instanceof UserError ? error.message : String((error as Error)?.stack ?? error);
}
