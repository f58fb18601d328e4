/**
 * Who is signed in, in which organization, with which role. Loaded once from /api/me; a 401
 * from any call clears it, which sends the person to the sign-in page (see RequireSession).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Me } from '../../../../src/contracts/auth.ts';
import type { Role } from '../../../../src/contracts/common.ts';
import { authApi } from '../../api/auth.ts';
import { setUnauthorizedHandler } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/api-error.ts';

export interface Session {
  /** undefined while loading; null when signed out. */
  me: Me | null | undefined;
  loadError: ApiError | undefined;
  setMe: (me: Me | null) => void;
  signOut: () => Promise<void>;
  retry: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<ApiError>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    authApi.me().then(
      (value) => { if (current) { setMe(value); setLoadError(undefined); } },
      (err: unknown) => {
        if (!current) return;
        const e = toApiError(err);
        if (e.status === 401) setMe(null);
        else setLoadError(e);
      },
    );
    return () => { current = false; };
  }, [attempt]);

  useEffect(() => {
    setUnauthorizedHandler(() => setMe(null));
    return () => setUnauthorizedHandler(null);
  }, []);

  const signOut = useCallback(async () => {
    try { await authApi.logout(); } finally { setMe(null); }
  }, []);
  const retry = useCallback(() => { setLoadError(undefined); setAttempt((n) => n + 1); }, []);

  const value = useMemo(() => ({ me, loadError, setMe, signOut, retry }), [me, loadError, signOut, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession must be used inside SessionProvider');
  return s;
}

/** The signed-in person; only for components rendered under RequireSession. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe needs a signed-in session');
  return me;
}

export function useRole(): Role {
  return useMe().role;
}
