import { useCallback } from 'react';
import { useLiveSearchParams } from '../../ui/use-live-search-params.ts';

export const RUNS_PAGE_SIZE = 25;

/** The runs list's zone filter and page live in the URL. */
export function useRunSearchParams() {
  const [params, setParams] = useLiveSearchParams();
  const zone = params.get('zone') ?? '';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const update = useCallback((patch: { zone?: string; page?: number }) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (patch.zone !== undefined) {
        if (patch.zone) next.set('zone', patch.zone); else next.delete('zone');
        next.delete('page');
      }
      if (patch.page !== undefined) {
        if (patch.page > 1) next.set('page', String(patch.page)); else next.delete('page');
      }
      return next;
    });
  }, [setParams]);
  return { zone, page, update };
}
