/**
 * Transport-neutral errors a user can cause. Each has a stable `code`; http/problem.ts maps
 * them to application/problem+json and cli/ to exit codes. Anything else is a bug and is
 * reported as a generic 500 without its message.
 */

/** Where in the input a problem is: a field path, or a line/column of an imported file. */
export interface Issue {
  field?: string;
  line?: number;
  column?: string;
  message: string;
}

export abstract class KeelError extends Error {
  abstract readonly code: string;
  readonly issues: Issue[];
  constructor(message: string, issues: Issue[] = []) {
    super(message);
    this.name = new.target.name;
    this.issues = issues;
  }
}

/** The request or file is malformed or breaks a rule; nothing was changed. */
export class InputError extends KeelError {
  readonly code = 'invalid_input';
  static field(field: string, message: string): InputError {
    return new InputError(`${field}: ${message}`, [{ field, message }]);
  }
}

export class NotFoundError extends KeelError {
  readonly code = 'not_found';
  constructor(entity: string, ref: string) {
    super(`${entity} ${JSON.stringify(ref)} was not found`);
  }
}

/** The request is valid but conflicts with the current state (e.g. a lead who still owns zones). */
export class ConflictError extends KeelError {
  readonly code = 'conflict';
}

/** Signed in, but the role does not allow this. */
export class NotAllowedError extends KeelError {
  readonly code = 'not_allowed';
}

/** Not signed in, or the credentials are wrong or expired. */
export class UnauthenticatedError extends KeelError {
  readonly code = 'unauthenticated';
}
