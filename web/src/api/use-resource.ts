import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from './api-error.ts';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

/** Loads something from the API when the component mounts and whenever `deps` change. */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let current = true;
    setLoading(true);
    loadRef.current().then(
      (value) => { if (current) { setData(value); setError(undefined); setLoading(false); } },
      (err: unknown) => { if (current) { setError(toApiError(err)); setLoading(false); } },
    );
    return () => { current = false; };
  }, [...deps, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload, setData };
}
