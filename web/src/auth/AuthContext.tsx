import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setSignInRequiredHandler } from '../api/client.ts';
import type { Me } from '../api/types.ts';

export type AuthState =
  | { status: 'loading' }
  | { status: 'signed_in'; me: Me }
  | { status: 'signed_out' }
  /** The server has no sign-in (no /api/auth routes): every page is open. */
  | { status: 'open' };

interface AuthContextValue {
  state: AuthState;
  refresh: () => Promise<AuthState>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

async function readSession(): Promise<AuthState> {
  try {
    const me = await api.me();
    setCsrfToken(me.csrf_token);
    return { status: 'signed_in', me };
  } catch (err) {
    setCsrfToken(null);
    if (err instanceof ApiError && err.status === 404) return { status: 'open' };
    return { status: 'signed_out' };
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    const next = await readSession();
    setState(next);
    return next;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setCsrfToken(null);
      setState({ status: 'signed_out' });
    }
  }, []);

  useEffect(() => {
    void refresh();
    // A data request refused for want of a session re-reads it; the layout then sends the user to sign in.
    setSignInRequiredHandler(() => void refresh());
    return () => setSignInRequiredHandler(null);
  }, [refresh]);

  const value = useMemo(() => ({ state, refresh, logout }), [state, refresh, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** "/enterprises?district=500112" → "/login?next=%2Fenterprises%3Fdistrict%3D500112" */
export function loginPathFor(location: { pathname: string; search: string }): string {
  const next = `${location.pathname}${location.search}`;
  return next && next !== '/' && !next.startsWith('/login') ? `/login?next=${encodeURIComponent(next)}` : '/login';
}
