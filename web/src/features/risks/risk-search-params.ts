import { useCallback, useMemo } from 'react';
import { useLiveSearchParams } from '../../ui/use-live-search-params.ts';
import type { RiskQuery } from '../../api/risks.ts';

export const RISKS_PAGE_SIZE = 50;
export const RISK_STATUSES = ['draft', 'approved', 'expired', 'revoked'] as const;

export interface RiskFilters { zone: string; status: string; severity: string; expiring: string; page: number }

/** The register's filters live in the URL, so a filtered view can be shared and survives a reload. */
export function useRiskSearchParams() {
  const [params, setParams] = useLiveSearchParams();
  const filters: RiskFilters = useMemo(() => ({
    zone: params.get('zone') ?? '', status: params.get('status') ?? '', severity: params.get('severity') ?? '',
    expiring: params.get('expiring') ?? '', page: Math.max(1, Number(params.get('page') ?? '1') || 1),
  }), [params]);
  const update = useCallback((patch: Partial<RiskFilters>) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v === '' || v === undefined || (k === 'page' && v === 1)) next.delete(k); else next.set(k, String(v));
      }
      if (!('page' in patch)) next.delete('page');
      return next;
    });
  }, [setParams]);
  const clear = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  const query: RiskQuery = {
    zone: filters.zone || undefined, status: filters.status || undefined, residualSeverity: filters.severity || undefined,
    expiringWithinDays: filters.expiring === '' ? undefined : Number(filters.expiring),
    limit: RISKS_PAGE_SIZE, offset: (filters.page - 1) * RISKS_PAGE_SIZE,
  };
  const active = filters.zone !== '' || filters.status !== '' || filters.severity !== '' || filters.expiring !== '';
  return { filters, update, clear, query, active };
}
