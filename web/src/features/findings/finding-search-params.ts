import { useCallback, useMemo } from 'react';
import { useLiveSearchParams } from '../../ui/use-live-search-params.ts';
import type { FindingStatus, Severity } from '../../../../src/contracts/findings.ts';
import type { FindingQuery } from '../../api/findings.ts';
import { isSeverity, isStatus } from './severity.ts';
import { pageOf, patchSearchParams } from '../../ui/search-params-patch.ts';

export const FINDINGS_PAGE_SIZE = 50;
export const DEFAULT_SORT = '-severity';
export const FINDING_SORTS = [
  { value: '-severity', label: 'Severity (critical first)' },
  { value: '-lastSeen', label: 'Last seen (newest first)' },
  { value: '-firstSeen', label: 'First seen (newest first)' },
  { value: 'firstSeen', label: 'First seen (oldest first)' },
  { value: 'title', label: 'Title (A–Z)' },
] as const;

export interface FindingFilters {
  q: string;
  zone: string;
  severity: Severity[];
  status: FindingStatus[];
  tool: string;
  category: string;
  regressed: boolean;
  unrouted: boolean;
  sort: string;
  page: number;
}

type Patch = Partial<FindingFilters>;

const list = <T extends string>(raw: string | null, keep: (v: string) => v is T): T[] =>
  (raw ?? '').split(',').map((s) => s.trim()).filter(keep);

/**
 * The findings list's filters live in the URL query string, so a filtered view can be shared and
 * survives a reload. `fixed` filters (e.g. an exercise, or unrouted on its own page) are sent but
 * not shown in the URL.
 */
export function useFindingSearchParams(fixed: Partial<FindingQuery> = {}) {
  const [params, setParams] = useLiveSearchParams();

  const filters: FindingFilters = useMemo(() => ({
    q: params.get('q') ?? '',
    zone: params.get('zone') ?? '',
    severity: list(params.get('severity'), isSeverity),
    status: list(params.get('status'), isStatus),
    tool: params.get('tool') ?? '',
    category: params.get('category') ?? '',
    regressed: params.get('regressed') === 'true',
    unrouted: params.get('unrouted') === 'true',
    sort: params.get('sort') ?? DEFAULT_SORT,
    page: pageOf(params),
  }), [params]);

  const update = useCallback((patch: Patch) => {
    setParams((prev) => {
      return patchSearchParams(prev, patch, DEFAULT_SORT);
    }, { replace: 'q' in patch || 'category' in patch });
  }, [setParams]);

  const clear = useCallback(() => setParams((prev) => {
    const next = new URLSearchParams();
    const sort = prev.get('sort');
    if (sort) next.set('sort', sort);
    return next;
  }), [setParams]);

  const active = filters.q !== '' || filters.zone !== '' || filters.severity.length > 0 || filters.status.length > 0
    || filters.tool !== '' || filters.category !== '' || filters.regressed || filters.unrouted;

  const query: FindingQuery = {
    q: filters.q || undefined,
    zone: filters.zone || undefined,
    severity: filters.severity.length ? filters.severity.join(',') : undefined,
    status: filters.status.length ? filters.status.join(',') : undefined,
    tool: filters.tool || undefined,
    category: filters.category || undefined,
    regressed: filters.regressed ? 'true' : undefined,
    unrouted: filters.unrouted ? 'true' : undefined,
    sort: filters.sort,
    limit: FINDINGS_PAGE_SIZE,
    offset: (filters.page - 1) * FINDINGS_PAGE_SIZE,
    ...fixed,
  };
  return { filters, update, clear, active, query };
}
