import { useCallback } from 'react';
import { useSearchParams, type SetURLSearchParams } from 'react-router-dom';

/**
 * useSearchParams, whose setter given a function passes it the query string as it is now.
 * React Router renders a navigation in a transition and hands the function the params of the
 * last render, which can lag behind the URL: a second change made before that render (a period
 * picked right after an owner, on a busy machine) would then drop the first.
 */
export function useLiveSearchParams(): [URLSearchParams, SetURLSearchParams] {
  const [params, setParams] = useSearchParams();
  const set = useCallback<SetURLSearchParams>((next, options) => {
    setParams(typeof next === 'function' ? () => next(new URLSearchParams(window.location.search)) : next, options);
  }, [setParams]);
  return [params, set];
}
