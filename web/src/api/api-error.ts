import type { Problem } from '../../../src/contracts/common.ts';

/** A failed API call, carrying the server's problem details (RFC 9457). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** The message the server gave for one form field, if any. */
  fieldMessage(field: string): string | undefined {
    const issue = this.problem.errors?.find((e) => e.field !== undefined && matchesField(e.field, field));
    return issue?.message;
  }

  /** Issues that point at a line of an uploaded file. */
  get lineIssues() {
    return (this.problem.errors ?? []).filter((e) => e.line !== undefined);
  }
}

function matchesField(reported: string, field: string): boolean {
  const name = reported.replace(/^body\./, '');
  return name === field || name.startsWith(`${field}.`);
}

/** Turns anything thrown by a call into an ApiError, so screens have one shape to show. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const detail = err instanceof Error ? err.message : 'Something went wrong';
  return new ApiError({ type: 'about:blank', title: 'Error', status: 0, detail, code: 'client_error' });
}
