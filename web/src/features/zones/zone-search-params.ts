import { useCallback, useMemo } from 'react';
import { useLiveSearchParams } from '../../ui/use-live-search-params.ts';
import type { ZoneQuery } from '../../api/zones.ts';
import { pageOf, patchSearchParams } from '../../ui/search-params-patch.ts';

export const PAGE_SIZE = 25;
export const SORTS = [
  { value: 'name', label: 'Name' },
  { value: 'tier', label: 'Tier (critical first)' },
  { value: 'product', label: 'Product' },
  { value: 'owner', label: 'Owner' },
  { value: 'updated', label: 'Recently updated' },
] as const;

export interface ZoneFilters {
  q: string;
  product: string;
  tier: string;
  bucket: string;
  owner: string;
  sort: string;
  archived: boolean;
  page: number;
}

const FILTER_KEYS = ['q', 'product', 'tier', 'bucket', 'owner', 'sort'] as const;

/** The zone list's filters live in the URL query string, so a filtered view can be shared. */
export function useZoneSearchParams() {
  const [params, setParams] = useLiveSearchParams();

  const filters: ZoneFilters = useMemo(() => ({
    q: params.get('q') ?? '',
    product: params.get('product') ?? '',
    tier: params.get('tier') ?? '',
    bucket: params.get('bucket') ?? '',
    owner: params.get('owner') ?? '',
    sort: params.get('sort') ?? 'name',
    archived: params.get('archived') === 'true',
    page: pageOf(params),
  }), [params]);

  const update = useCallback((patch: Partial<ZoneFilters>) => {
    setParams((prev) => {
      return patchSearchParams(prev, patch, 'name');
    }, { replace: 'q' in patch });
  }, [setParams]);

  const clear = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  const active = FILTER_KEYS.some((k) => k !== 'sort' && filters[k] !== '') || filters.archived;

  const query: ZoneQuery = {
    q: filters.q || undefined,
    product: filters.product || undefined,
    tier: filters.tier || undefined,
    bucket: filters.bucket || undefined,
    owner: filters.owner || undefined,
    sort: filters.sort,
    includeArchived: filters.archived ? 'true' : undefined,
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  };
  return { filters, update, clear, active, query };
}
