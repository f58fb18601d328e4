import { useCallback, useState } from 'react';
import { toApiError, type ApiError } from './api-error.ts';

export interface Action<A extends unknown[], R> {
  run: (...args: A) => Promise<R | undefined>;
  pending: boolean;
  error: ApiError | undefined;
  clearError: () => void;
}

/** Runs a write against the API, keeping its pending state and its error for the form. */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>): Action<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = useCallback(async (...args: A) => {
    setPending(true);
    setError(undefined);
    try {
      return await fn(...args);
    } catch (err) {
      setError(toApiError(err));
      return undefined;
    } finally {
      setPending(false);
    }
  }, [fn]);
  const clearError = useCallback(() => setError(undefined), []);
  return { run, pending, error, clearError };
}
