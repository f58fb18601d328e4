import { useCallback, useEffect, useState } from 'react';
import type { AuditEvent } from '../../../../src/contracts/audit.ts';
import { toApiError, type ApiError } from '../../api/api-error.ts';
import { auditApi, type EventQuery } from '../../api/audit.ts';

const PAGE = 50;

/** Events newest first, a page at a time ("Show older"). */
export function useEventFeed(entityType: EventQuery['entityType']) {
  const [items, setItems] = useState<AuditEvent[]>([]);
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [done, setDone] = useState(false);

  const load = useCallback(async (beforeSeq: number | undefined, replace: boolean) => {
    setLoading(true);
    try {
      const page = await auditApi.events({ entityType, limit: PAGE, beforeSeq });
      setItems((prev) => (replace ? page.items : [...prev, ...page.items]));
      setDone(page.items.length < PAGE);
      setError(undefined);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setLoading(false);
    }
  }, [entityType]);

  useEffect(() => { void load(undefined, true); }, [load]);

  const last = items[items.length - 1];
  const more = useCallback(() => { if (last) void load(last.seq, false); }, [last, load]);
  const refresh = useCallback(() => { void load(undefined, true); }, [load]);
  return { items, error, loading, done, more, refresh };
}
