import { useCallback, useMemo } from 'react';
import { useLiveSearchParams } from '../../ui/use-live-search-params.ts';
import type { Severity } from '../../../../src/contracts/findings.ts';
import type { RemediationStatus } from '../../../../src/contracts/remediations.ts';
import type { RemediationQuery } from '../../api/remediations.ts';
import { isSeverity } from '../findings/severity.ts';
import { isRemediationStatus } from './remediation-labels.ts';
import { pageOf, patchSearchParams } from '../../ui/search-params-patch.ts';

export const REMEDIATIONS_PAGE_SIZE = 50;
export const REMEDIATION_SORTS = [
  { value: 'priority', label: 'Priority (highest first)' },
  { value: 'due', label: 'Due date (soonest first)' },
  { value: '-created', label: 'Created (newest first)' },
  { value: 'number', label: 'Number' },
] as const;

export interface RemediationFilters {
  q: string;
  zone: string;
  status: RemediationStatus[];
  severity: Severity[];
  assignee: string;
  overdue: boolean;
  sort: string;
  page: number;
}

const list = <T extends string>(raw: string | null, keep: (v: string) => v is T): T[] =>
  (raw ?? '').split(',').map((s) => s.trim()).filter(keep);

/** The remediation list's filters live in the URL, so a filtered view can be shared and survives a reload. */
export function useRemediationSearchParams() {
  const [params, setParams] = useLiveSearchParams();

  const filters: RemediationFilters = useMemo(() => ({
    q: params.get('q') ?? '',
    zone: params.get('zone') ?? '',
    status: list(params.get('status'), isRemediationStatus),
    severity: list(params.get('severity'), isSeverity),
    assignee: params.get('assignee') ?? '',
    overdue: params.get('overdue') === 'true',
    sort: params.get('sort') ?? 'priority',
    page: pageOf(params),
  }), [params]);

  const update = useCallback((patch: Partial<RemediationFilters>) => {
    setParams((prev) => {
      return patchSearchParams(prev, patch, 'priority');
    }, { replace: 'q' in patch });
  }, [setParams]);

  const clear = useCallback(() => setParams(new URLSearchParams()), [setParams]);

  const active = filters.q !== '' || filters.zone !== '' || filters.status.length > 0 || filters.severity.length > 0
    || filters.assignee !== '' || filters.overdue;

  const query: RemediationQuery = {
    q: filters.q || undefined,
    zone: filters.zone || undefined,
    status: filters.status.length ? filters.status.join(',') : undefined,
    severity: filters.severity.length ? filters.severity.join(',') : undefined,
    assignee: filters.assignee || undefined,
    overdue: filters.overdue ? 'true' : undefined,
    sort: filters.sort,
    limit: REMEDIATIONS_PAGE_SIZE,
    offset: (filters.page - 1) * REMEDIATIONS_PAGE_SIZE,
  };
  return { filters, update, clear, active, query };
}
