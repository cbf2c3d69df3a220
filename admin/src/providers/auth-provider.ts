/** Sign-in with POST /api/auth/login; access by role in canAccess (the server enforces the same rules again). */
import type { AuthProvider } from 'react-admin';
import { HttpError } from 'react-admin';
import { api, TOKEN_KEY, USER_KEY } from './http';

export type Role = 'EMPLOYEE' | 'HR_ADMIN' | 'AUDITOR' | 'CALIBRATOR';

export interface SessionUser {
  id: number;
  username: string;
  roles: Role[];
  employeeId: number | null;
  employee?: { id: number; name: string; nip: string; unitId: number; superiorId?: number | null } | null;
  locale?: string;
  /** True when the employee has subordinates: a rater sees the team's tasks and appraisals. */
  isRater?: boolean;
  /** A one-time or reset password is in use: the console shows only Akun Saya until it is changed. */
  mustChangePassword?: boolean;
}

/** The signed-in user as stored at login. */
export function sessionUser(): SessionUser | null {
  const raw = localStorage.getItem(USER_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as SessionUser;
  } catch {
    return null;
  }
}

const READ_ACTIONS = new Set(['list', 'show', 'export', 'read']);

/** Resources an employee may open, and what they may do there. */
const EMPLOYEE_ACCESS: Record<string, Set<string>> = {
  tasks: new Set(['list', 'show', 'edit']),
  appraisals: new Set(['list', 'show']),
  'pay-adjustments': new Set(['list', 'show']),
  attendance: new Set(['list']),
  delegations: new Set(['list']),
};
const RATER_ACCESS: Record<string, Set<string>> = {
  employees: new Set(['list', 'show']),
};

/** The access rule of the console: HR everything, auditors read everything, employees their own work (and team for raters). */
export function canAccessFor(user: SessionUser | null, resource: string, action: string): boolean {
  if (!user) return false;
  if (user.roles.includes('HR_ADMIN')) return true;
  if (user.roles.includes('AUDITOR')) return READ_ACTIONS.has(action);
  if (user.roles.includes('EMPLOYEE')) {
    if (EMPLOYEE_ACCESS[resource]?.has(action)) return true;
    if (user.isRater && RATER_ACCESS[resource]?.has(action)) return true;
  }
  return false;
}

export const authProvider: AuthProvider = {
  async login(params: { username: string; password: string } | { ssoCode: string }) {
    // Single sign-on: the one-time code the callback put in the URL, traded with the cookie it set (LoginPage).
    const { token, user } = await api<{ token: string; user: SessionUser }>(
      'ssoCode' in params ? '/auth/oidc/exchange' : '/auth/login',
      {
        body: 'ssoCode' in params ? { code: params.ssoCode } : { username: params.username, password: params.password },
      },
    );
    localStorage.setItem(TOKEN_KEY, token);
    localStorage.setItem(USER_KEY, JSON.stringify(user));
    try {
      const me = await api<SessionUser>('/auth/me');
      localStorage.setItem(USER_KEY, JSON.stringify({ ...user, ...me }));
    } catch {
      // /me only adds isRater; the login itself succeeded.
    }
  },
  async logout() {
    // The server ends every token of this user (all devices); signing out locally goes on if it cannot be reached.
    if (localStorage.getItem(TOKEN_KEY)) await api('/auth/logout', { body: {} }).catch(() => undefined);
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(USER_KEY);
  },
  async checkAuth() {
    if (!localStorage.getItem(TOKEN_KEY)) throw new Error('ra.auth.auth_check_error');
  },
  async checkError(error: unknown) {
    const status = (error as HttpError | undefined)?.status;
    if (status === 401) {
      localStorage.removeItem(TOKEN_KEY);
      localStorage.removeItem(USER_KEY);
      throw new Error('ra.auth.auth_check_error');
    }
    // 403 stays on the page: the notification says what was refused.
  },
  async getIdentity() {
    const user = sessionUser();
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { id: user.id, fullName: user.employee?.name ?? user.username };
  },
  async getPermissions() {
    const user = sessionUser();
    return { roles: user?.roles ?? [], isRater: !!user?.isRater, employeeId: user?.employeeId ?? null };
  },
  async canAccess({ resource, action }) {
    return canAccessFor(sessionUser(), resource, action);
  },
};
