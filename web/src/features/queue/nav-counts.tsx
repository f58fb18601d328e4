/**
 * The numbers beside the nav items: unread queue items, and (for admins) unrouted findings.
 * Loaded by the shell when a page opens; pages that change them call refresh().
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { findingsApi } from '../../api/findings.ts';
import { queueApi } from '../../api/queue.ts';

export interface NavCounts {
  unread: number;
  unrouted: number;
  refresh: () => void;
}

const NavCountsContext = createContext<NavCounts>({ unread: 0, unrouted: 0, refresh: () => {} });

export function NavCountsProvider({ isAdmin, pathname, children }: { isAdmin: boolean; pathname: string; children: ReactNode }) {
  const [unread, setUnread] = useState(0);
  const [unrouted, setUnrouted] = useState(0);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    // A count that cannot be loaded just stays as it was: the nav is no place for an error.
    queueApi.get().then((q) => { if (current) setUnread(q.unread); }, () => {});
    if (isAdmin) {
      findingsApi.list({ unrouted: 'true', limit: 1 }).then((l) => { if (current) setUnrouted(l.total); }, () => {});
    }
    return () => { current = false; };
  }, [isAdmin, pathname, version]);

  useEffect(() => {
    const t = window.setInterval(() => setVersion((v) => v + 1), 60_000);
    return () => window.clearInterval(t);
  }, []);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const value = useMemo(() => ({ unread, unrouted, refresh }), [unread, unrouted, refresh]);
  return <NavCountsContext.Provider value={value}>{children}</NavCountsContext.Provider>;
}

export function useNavCounts(): NavCounts {
  return useContext(NavCountsContext);
}
