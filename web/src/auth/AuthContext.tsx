import { App } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setSignInRequiredHandler } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { homePathOf, navigationFor, type NavGroup } from '../navigation.tsx';
import { ROLES, type Role } from './roles.ts';

export type AuthState =
  | { status: 'loading' }
  | { status: 'signed_in'; me: Me }
  /** `session_expired`: the session ended while in use (idle or absolute timeout, or ended by an administrator). */
  | { status: 'signed_out'; reason?: 'session_expired' }
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
    if (err instanceof ApiError && err.code === 'SESSION_EXPIRED') return { status: 'signed_out', reason: 'session_expired' };
    return { status: 'signed_out' };
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const { message } = App.useApp();
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
  }, [refresh]);

  useEffect(() => {
    // A data request refused for want of a session re-reads it; the layout then sends the user to sign in,
    // telling them why: the session they were working in has ended.
    setSignInRequiredHandler((error) => {
      void readSession().then((next) => {
        const ended = next.status === 'signed_out' && error.code !== 'PASSWORD_CHANGE_REQUIRED';
        // The login page says why; the refused requests' own error messages would only repeat 「请先登录」.
        if (ended) message.destroy();
        setState(ended ? { status: 'signed_out', reason: 'session_expired' } : next);
      });
    });
    return () => setSignInRequiredHandler(null);
  }, [message]);

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

/** The roles the signed-in user holds; every role when the server has no sign-in. */
export function heldRoles(state: AuthState): ReadonlySet<Role> {
  if (state.status === 'open') return new Set(ROLES);
  return new Set(state.status === 'signed_in' ? state.me.roles.map((grant) => grant.role) : []);
}

/** The menu of the signed-in user and where they start. */
export function useNavigation(): { navigation: NavGroup[]; homePath: string } {
  const { state } = useAuth();
  return useMemo(() => {
    const navigation = navigationFor(heldRoles(state));
    return { navigation, homePath: homePathOf(navigation) };
  }, [state]);
}
